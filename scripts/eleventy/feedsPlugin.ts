import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { AnalysisRecord } from "../content/validateAnalysis.ts";
import { analysisUrl } from "../content/siteIndex.ts";
import type { LevelModel } from "../level/levelModel.ts";
import { absoluteContentBySlug } from "../feeds/absoluteContent.ts";
import { buildAnalysisFeed, feedAnalyses } from "../feeds/analysisFeed.ts";
import { buildAssessmentFeed } from "../feeds/assessmentFeed.ts";
import { feedCatalogue, type FeedTopic } from "../feeds/feedCatalogue.ts";
import { toJsonFeed } from "../feeds/jsonFeed.ts";
import type { Feed } from "../feeds/types.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";


/** The parts of an Eleventy collection item the feeds read. */
interface CollectionItem {
  data: { analysis: AnalysisRecord };
  templateContent: string;
}

/**
 * Feeds (docs/feeds.md): the analyses and the level assessments, each as Atom, RSS and JSON Feed.
 * The templates are site/feeds/{atom,rss,json}.njk, paginated over the two topics; they only
 * arrange the Feed objects built here by the pure functions in scripts/feeds/.
 * The RSS plugin's virtual templates are not used: its RSS one writes <content:encoded> without
 * declaring the content namespace, which namespace-aware parsers reject.
 */
export default function feedsPlugin(eleventyConfig: EleventyConfig): void {
  // Its filters: dateToRfc3339 (Atom), dateToRfc822 (RSS); its HTML converter is used directly.
  eleventyConfig.addPlugin(rssPlugin);

  eleventyConfig.addGlobalData("feedCatalogue", feedCatalogue);

  // The analyses' own pages: the feeds read their rendered content. Feeds and every list of
  // analyses import this collection (eleventyImport), so Eleventy renders the analyses before
  // them, and `npm start` (incremental) renders them again when an analysis changes.
  eleventyConfig.addCollection("analysisPages", (api: { getFilteredByGlob(glob: string): CollectionItem[] }) =>
    api.getFilteredByGlob("./site/articles/**/*.md"),
  );

  // The three formats of a topic share one Feed: built once per build, not once per template.
  let built = new Map<FeedTopic, Promise<Feed>>();
  eleventyConfig.on("eleventy.before", () => {
    built = new Map();
  });

  eleventyConfig.addAsyncFilter(
    "feedFor",
    (topic: FeedTopic, analyses: AnalysisRecord[], pages: CollectionItem[], level: LevelModel, siteUrl: string, now: Date) => {
      let feed = built.get(topic);
      if (!feed) {
        feed = topic === "levels" ? Promise.resolve(buildAssessmentFeed({ level, analyses: analyses, siteUrl, now })) : analysisFeed(analyses, pages, level, siteUrl, now);
        built.set(topic, feed);
      }
      return feed;
    },
  );

  eleventyConfig.addFilter("jsonFeed", (feed: Feed, feedUrl: string, site: { language: string; name: string; websubHub: string }, siteUrl: string) =>
    JSON.stringify(toJsonFeed(feed, { feedUrl, hub: site.websubHub, language: site.language, authorName: site.name, authorUrl: `${siteUrl}/` }), null, 2),
  );

  eleventyConfig.addPassthroughCopy({ "site/feeds/feed.xsl": "feeds/feed.xsl" });
}

async function analysisFeed(analyses: AnalysisRecord[], pages: CollectionItem[], level: LevelModel, siteUrl: string, now: Date): Promise<Feed> {
  const wanted = new Set(feedAnalyses(analyses).map((analysis) => analysis.slug));
  const contentBySlug = await absoluteContentBySlug(
    pages
      .filter((item) => wanted.has(item.data.analysis.slug))
      .map(({ data: { analysis }, templateContent }) => ({ slug: analysis.slug, url: siteUrl + analysisUrl(analysis.slug), html: templateContent })),
  );
  return buildAnalysisFeed({ analyses: analyses, contentBySlug, level, siteUrl, now });
}
