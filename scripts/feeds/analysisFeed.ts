import type { AnalysisRecord } from "../content/validateAnalysis.ts";
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
  analyses: readonly AnalysisRecord[];
  /** The rendered HTML of (at least) the analyses `feedAnalyses` picks, by slug, every URL absolute. */
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
export function feedAnalyses(analyses: readonly AnalysisRecord[], limit = ANALYSIS_FEED_LIMIT): AnalysisRecord[] {
  const published = analyses.filter((analysis) => !analysis.draft);
  assertUniqueEntryIds(published.map((analysis) => ({ id: analysisEntryId(analysis), file: analysis.file })));
  return published.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug)).slice(0, limit);
}

/** The analyses feed: newest first, full content, with the level in force on the day each was published. */
export function buildAnalysisFeed(input: AnalysisFeedInput): Feed {
  const items = feedAnalyses(input.analyses, input.limit).map((analysis) => analysisItem(analysis, input));

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

function analysisItem(analysis: AnalysisRecord, input: AnalysisFeedInput): FeedItem {
  const url = `${input.siteUrl}/articles/${analysis.slug}/`;
  const publishedAt = dayStart(analysis.date);
  const inForce = input.level.levelAt(publishedAt);
  const level = inForce ? feedLevel(inForce.level, input.level.meanings) : undefined;
  const levelNote = level
    ? `<p><strong>DEFCON level when published: ${escapeHtml(level.label)}</strong></p>\n`
    : "";
  const item: FeedItem = {
    id: analysisEntryId(analysis),
    url,
    title: xmlSafeText(analysis.title),
    summary: xmlSafeText(analysis.summary),
    contentHtml: xmlSafeText(levelNote + (input.contentBySlug.get(analysis.slug) ?? "")),
    published: publishedAt,
    updated: dayStart(analysis.updated ?? analysis.date),
    categories: analysis.regions.map(xmlSafeText),
  };
  if (level) item.level = level;
  return item;
}
