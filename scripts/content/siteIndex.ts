import type { AnalysisRecord } from "./validateAnalysis.ts";
import type { Region } from "./validateRegions.ts";
import { slugify } from "./slugify.ts";

export interface RegionPage extends Region {
  slug: string;
  url: string;
  analyses: AnalysisRecord[];
}

/**
 * Analyses listed on one page of a list (the archive, a region): a page of every size would grow
 * with the archive, and a region's single page of 3,000 analyses weighed 420 KB gzipped.
 */
export const ANALYSES_PER_LIST_PAGE = 50;

/** One page of a region's list of analyses: /regions/<slug>/, then /regions/<slug>/page/2/, … */
export interface RegionListPage {
  region: RegionPage;
  /** 1 for the region's own address. */
  number: number;
  url: string;
  analyses: AnalysisRecord[];
  /** Every page of this region's list, for the page links. */
  urls: string[];
  previous?: string;
  next?: string;
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
  /** The pages of every region that has analyses. */
  regionListPages: RegionListPage[];
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
  const regionPages = [...regionByName.values()];
  return { regionPages, regionListPages: regionPages.flatMap(listPagesOf), regionByName, neighbours };
}

/** A region's analyses in pages of ANALYSES_PER_LIST_PAGE; none for a region without analyses. */
function listPagesOf(region: RegionPage): RegionListPage[] {
  const count = Math.ceil(region.analyses.length / ANALYSES_PER_LIST_PAGE);
  const urls = Array.from({ length: count }, (_, i) => (i === 0 ? region.url : `${region.url}page/${i + 1}/`));
  return urls.map((url, i) => ({
    region,
    number: i + 1,
    url,
    analyses: region.analyses.slice(i * ANALYSES_PER_LIST_PAGE, (i + 1) * ANALYSES_PER_LIST_PAGE),
    urls,
    ...(i > 0 ? { previous: urls[i - 1]! } : {}),
    ...(i + 1 < count ? { next: urls[i + 1]! } : {}),
  }));
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
