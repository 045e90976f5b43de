import type { LevelChange } from "../level/types.ts";

/** One entry of a feed, in the shape every format (Atom, RSS, JSON Feed) is rendered from. */
export interface FeedItem {
  /** Stable forever: see entryId.ts and docs/feeds.md. */
  id: string;
  /** Absolute URL of the page the entry is about. */
  url: string;
  /** Plain text; each format escapes it once. */
  title: string;
  /** Plain text. */
  summary: string;
  /** HTML with every URL absolute. */
  contentHtml: string;
  published: Date;
  updated: Date;
  /** Plain-text categories (regions for analyses, the change for assessments). */
  categories: string[];
  /** The DEFCON level the entry is about or was written under, when there was one. */
  level?: FeedLevel;
  /** An assessment's analysis (Atom rel="related"). */
  relatedUrl?: string;
  /** For an assessment: whether it raised, lowered or kept the level. */
  change?: LevelChange;
}

export interface FeedLevel {
  level: number;
  colour: string;
  /** "DEFCON 4 Blue" */
  label: string;
}

/** A feed's own fields plus its entries, newest first. */
export interface Feed {
  /** Stable forever, like the entries' ids. */
  id: string;
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed follows. */
  homePageUrl: string;
  /** The newest entry's updated date; the fallback date when there are no entries. */
  updated: Date;
  items: FeedItem[];
}
