import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import type { Feed, FeedItem } from "./types.ts";

export interface JsonFeedMeta {
  /** Absolute URL of the JSON feed itself. */
  feedUrl: string;
  /** The WebSub hub that tells subscribers at once when the feed changes (_data/site.json). */
  hub: string;
  language: string;
  authorName: string;
  authorUrl: string;
}

/**
 * A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). Text fields stay plain text:
 * JSON.stringify escapes what JSON needs, and nothing is HTML-escaped on top.
 * `_defcon` is a JSON Feed extension (custom keys start with "_") carrying the level as data.
 */
export function toJsonFeed(feed: Feed, meta: JsonFeedMeta): Record<string, unknown> {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homePageUrl,
    feed_url: meta.feedUrl,
    hubs: [{ type: "WebSub", url: meta.hub }],
    description: feed.description,
    language: meta.language,
    authors: [{ name: meta.authorName, url: meta.authorUrl }],
    items: feed.items.map(jsonItem),
  };
}

function jsonItem(item: FeedItem): Record<string, unknown> {
  const extension: Record<string, unknown> = {};
  if (item.level) Object.assign(extension, { level: item.level.level, colour: item.level.colour, label: item.level.label });
  if (item.change) extension["change"] = item.change;
  if (item.relatedUrl) extension["analysis_url"] = item.relatedUrl;
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    summary: item.summary,
    content_html: item.contentHtml,
    date_published: dateToRfc3339(item.published),
    date_modified: dateToRfc3339(item.updated),
    tags: item.categories,
    ...(Object.keys(extension).length > 0 && { _defcon: extension }),
  };
}
