import type { ArticleRecord } from "./validateArticle.ts";
import type { Region } from "./validateRegions.ts";
import { slugify } from "./slugify.ts";

export interface RegionPage extends Region {
  slug: string;
  url: string;
  articles: ArticleRecord[];
}

export interface YearGroup {
  year: string;
  articles: ArticleRecord[];
}

export interface Neighbours {
  /** The next older analysis. */
  previous?: ArticleRecord;
  /** The next newer analysis. */
  next?: ArticleRecord;
}

export function articleUrl(slug: string): string {
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

export function buildSiteIndex(articles: readonly ArticleRecord[], regions: readonly Region[]): SiteIndex {
  const regionByName = new Map<string, RegionPage>();
  for (const region of regions) {
    const slug = slugify(region.name);
    regionByName.set(region.name, { ...region, slug, url: `/regions/${slug}/`, articles: [] });
  }
  const neighbours = new Map<string, Neighbours>();
  articles.forEach((article, i) => {
    const entry: Neighbours = {};
    const older = articles[i + 1];
    const newer = articles[i - 1];
    if (older) entry.previous = older;
    if (newer) entry.next = newer;
    neighbours.set(article.slug, entry);
    for (const name of article.regions) regionByName.get(name)?.articles.push(article);
  });
  return { regionPages: [...regionByName.values()], regionByName, neighbours };
}

/** Groups analyses (already newest first) by year, keeping the order. */
export function groupByYear(articles: readonly ArticleRecord[]): YearGroup[] {
  const groups: YearGroup[] = [];
  for (const article of articles) {
    const year = article.date.slice(0, 4);
    const last = groups[groups.length - 1];
    if (last?.year === year) last.articles.push(article);
    else groups.push({ year, articles: [article] });
  }
  return groups;
}
