import type { AnalysisRecord } from "./validateAnalysis.ts";
import type { Region } from "./validateRegions.ts";
import { slugify } from "./slugify.ts";

export interface RegionPage extends Region {
  slug: string;
  url: string;
  analyses: AnalysisRecord[];
}

export interface YearGroup {
  year: string;
  analyses: AnalysisRecord[];
}

export interface Neighbours {
  /** The next older analysis. */
  previous?: AnalysisRecord;
  /** The next newer analysis. */
  next?: AnalysisRecord;
}

export function analysisUrl(slug: string): string {
  return `/articles/${slug}/`;
}

/**
 * Every list the pages need, computed in one pass over the analyses (newest first), so a page
 * asking for its neighbours or its region is a map look-up, not a scan of the collection.
 */
export interface SiteIndex {
  regionPages: RegionPage[];
  regionByName: Map<string, RegionPage>;
  neighbours: Map<string, Neighbours>;
}

export function buildSiteIndex(analyses: readonly AnalysisRecord[], regions: readonly Region[]): SiteIndex {
  const regionByName = new Map<string, RegionPage>();
  for (const region of regions) {
    const slug = slugify(region.name);
    regionByName.set(region.name, { ...region, slug, url: `/regions/${slug}/`, analyses: [] });
  }
  const neighbours = new Map<string, Neighbours>();
  analyses.forEach((analysis, i) => {
    const entry: Neighbours = {};
    const older = analyses[i + 1];
    const newer = analyses[i - 1];
    if (older) entry.previous = older;
    if (newer) entry.next = newer;
    neighbours.set(analysis.slug, entry);
    for (const name of analysis.regions) regionByName.get(name)?.analyses.push(analysis);
  });
  return { regionPages: [...regionByName.values()], regionByName, neighbours };
}

/** Groups analyses (already newest first) by year, keeping the order. */
export function groupByYear(analyses: readonly AnalysisRecord[]): YearGroup[] {
  const groups: YearGroup[] = [];
  for (const analysis of analyses) {
    const year = analysis.date.slice(0, 4);
    const last = groups[groups.length - 1];
    if (last?.year === year) last.analyses.push(analysis);
    else groups.push({ year, analyses: [analysis] });
  }
  return groups;
}
