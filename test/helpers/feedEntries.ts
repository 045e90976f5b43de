import * as cheerio from "cheerio";
import type { BuiltSite } from "./fixtureSite.ts";
import { childrenNamed as all, onlyChild as one, parseStrictXml, type XmlDocument } from "./strictXml.ts";

export const ATOM = "http://www.w3.org/2005/Atom";
export const CONTENT = "http://purl.org/rss/1.0/modules/content/";

/** Plain-text view of one feed entry, whichever the format (Atom, RSS, JSON Feed). */
export interface Entry {
  id: string;
  title: string;
  url: string;
  summary: string;
  contentHtml: string;
  published: string;
  updated?: string;
  categories: string[];
  related?: string;
}

/** The entries of an Atom or RSS feed, read from the strict parse. */
export function xmlEntries(file: string, doc: XmlDocument): Entry[] {
  if (file.endsWith(".atom.xml")) {
    return all(doc.root, ATOM, "entry").map((entry) => ({
      id: one(entry, ATOM, "id").text,
      title: one(entry, ATOM, "title").text,
      url: all(entry, ATOM, "link").find((link) => link.attributes["rel"] === "alternate")!.attributes["href"]!,
      related: all(entry, ATOM, "link").find((link) => link.attributes["rel"] === "related")?.attributes["href"],
      summary: one(entry, ATOM, "summary").text,
      contentHtml: one(entry, ATOM, "content").text,
      published: one(entry, ATOM, "published").text,
      updated: one(entry, ATOM, "updated").text,
      categories: all(entry, ATOM, "category").map((category) => category.attributes["term"]!),
    }));
  }
  const channel = one(doc.root, "", "channel");
  return all(channel, "", "item").map((item) => ({
    id: one(item, "", "guid").text,
    title: one(item, "", "title").text,
    url: one(item, "", "link").text,
    // An RSS description is HTML (readers render it): the plain-text summary as HTML text.
    summary: cheerio.load(one(item, "", "description").text).text(),
    contentHtml: one(item, CONTENT, "encoded").text,
    published: one(item, "", "pubDate").text,
    categories: all(item, "", "category").map((category) => category.text),
  }));
}

/** One item of our JSON Feeds, with the `_defcon` extension (docs/feeds.md). */
export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html: string;
  date_published: string;
  date_modified: string;
  tags: string[];
  _defcon?: { level: number; colour: string; label: string; change?: string; analysis_url?: string };
}

export function jsonEntries(json: string): Entry[] {
  const feed = JSON.parse(json) as { items: JsonFeedItem[] };
  return feed.items.map((item) => ({
    id: item.id,
    title: item.title,
    url: item.url,
    summary: item.summary,
    contentHtml: item.content_html,
    published: item.date_published,
    updated: item.date_modified,
    categories: item.tags,
    related: item._defcon?.analysis_url,
  }));
}

/** The entries of a built site's feed file, whichever the format. */
export async function entriesOf(site: BuiltSite, file: string): Promise<Entry[]> {
  const text = await site.read(file);
  return file.endsWith(".json") ? jsonEntries(text) : xmlEntries(file, parseStrictXml(text));
}
