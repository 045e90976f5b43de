import type { ArticleRecord } from "../content/validateArticle.ts";
import type { LevelModel } from "../level/levelModel.ts";
import { analysisEntryId, feedId } from "./entryId.ts";
import { escapeHtml } from "../text/escapeHtml.ts";
import { feedLevel } from "./levelLabel.ts";
import { newestUpdate } from "./newestUpdate.ts";
import { assertUniqueEntryIds } from "./uniqueEntryIds.ts";
import { xmlSafeText } from "./xmlSafeText.ts";
import type { Feed, FeedItem } from "./types.ts";

/** The issue asks for at least the last 50 analyses. */
export const ANALYSIS_FEED_LIMIT = 50;

export interface AnalysisFeedInput {
  /** Newest first, as the global `analyses`. Drafts are dropped here as well, whatever the run mode. */
  articles: readonly ArticleRecord[];
  /** The rendered HTML of (at least) the analyses `feedArticles` picks, by slug, every URL absolute. */
  contentBySlug: ReadonlyMap<string, string>;
  level: Pick<LevelModel, "levelAt" | "meanings">;
  /** Absolute, without a trailing slash. */
  siteUrl: string;
  /** The feed's updated date when there are no entries. */
  now: Date;
  limit?: number;
}

/** A calendar day "YYYY-MM-DD" as the instant it starts in UTC (dates on this site are UTC days). */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * The analyses a feed carries: published ones only, newest first, at most `limit`. Every
 * published analysis's id is checked for clashes, not only the newest ones', so a clash is
 * caught the day it is written.
 */
export function feedArticles(articles: readonly ArticleRecord[], limit = ANALYSIS_FEED_LIMIT): ArticleRecord[] {
  const published = articles.filter((article) => !article.draft);
  assertUniqueEntryIds(published.map((article) => ({ id: analysisEntryId(article), file: article.file })));
  return published.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug)).slice(0, limit);
}

/** The analyses feed: newest first, full content, with the level in force on the day each was published. */
export function buildAnalysisFeed(input: AnalysisFeedInput): Feed {
  const items = feedArticles(input.articles, input.limit).map((article) => analysisItem(article, input));

  return {
    id: feedId("analyses"),
    title: "The DEFCON Warning System: analyses",
    description: "Every new analysis of the nuclear threat, in full, with the DEFCON level in force when it was written.",
    // The home page, not /articles/: it exists even on a site with no analyses yet.
    homePageUrl: `${input.siteUrl}/`,
    updated: newestUpdate(items, input.now),
    items,
  };
}

function analysisItem(article: ArticleRecord, input: AnalysisFeedInput): FeedItem {
  const url = `${input.siteUrl}/articles/${article.slug}/`;
  const publishedAt = dayStart(article.date);
  const inForce = input.level.levelAt(publishedAt);
  const level = inForce ? feedLevel(inForce.level, input.level.meanings) : undefined;
  const levelNote = level
    ? `<p><strong>DEFCON level when published: ${escapeHtml(level.label)}</strong></p>\n`
    : "";
  const item: FeedItem = {
    id: analysisEntryId(article),
    url,
    title: xmlSafeText(article.title),
    summary: xmlSafeText(article.summary),
    contentHtml: xmlSafeText(levelNote + (input.contentBySlug.get(article.slug) ?? "")),
    published: publishedAt,
    updated: dayStart(article.updated ?? article.date),
    categories: article.regions.map(xmlSafeText),
  };
  if (level) item.level = level;
  return item;
}
