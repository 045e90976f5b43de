import type { Assessment } from "../level/types.ts";

/**
 * The naming authority of every feed id (RFC 4151 tag URIs). It is a constant, not the site's
 * URL: ids must outlive a change of domain, and Netlify's `URL` differs between deploys.
 * Never change it: every subscriber would see every entry again as new.
 */
export const ID_AUTHORITY = "defconwarningsystem.com";

/** What an analysis's id is made of: the slug and day it was first published under. */
export interface AnalysisIdSource {
  slug: string;
  date: string;
  /** Pins the id after a rename or a date correction (front matter `feedId`). */
  feedId?: string;
}

/**
 * "tag:defconwarningsystem.com,2024-06-10:analysis/china-russia-military-collaboration".
 * The title is not part of it, so editing a title never makes a "new" entry; a renamed file
 * or corrected date keeps its id through `feedId` (docs/feeds.md).
 */
export function analysisEntryId(analysis: AnalysisIdSource): string {
  return analysis.feedId ?? `tag:${ID_AUTHORITY},${analysis.date}:analysis/${analysis.slug}`;
}

/** "tag:defconwarningsystem.com,2025-09-08:level/assessment-2025-09-08": the day and /history/ fragment. */
export function assessmentEntryId(assessment: Pick<Assessment, "date" | "id">): string {
  return `tag:${ID_AUTHORITY},${assessment.date.slice(0, 10)}:level/${assessment.id}`;
}

/** A whole feed's id, e.g. "tag:defconwarningsystem.com,2026:feed/analyses". */
export function feedId(name: string): string {
  return `tag:${ID_AUTHORITY},2026:feed/${name}`;
}

/** The pattern `feedId` front matter must match (kept in step with _data/article.schema.json). */
export const ANALYSIS_ID_PATTERN = /^tag:defconwarningsystem\.com,\d{4}-\d{2}-\d{2}:analysis\/[a-z0-9]+(-[a-z0-9]+)*$/;
