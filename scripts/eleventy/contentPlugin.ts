import type { ArticleRecord } from "../content/validateArticle.ts";
import { loadContent, type Content } from "../content/loadContent.ts";
import { buildSiteIndex, type SiteIndex } from "../content/siteIndex.ts";
import { parseYaml } from "../content/frontMatter.ts";
import { buildNow } from "../content/buildNow.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";


interface Loaded {
  now: Date;
  content: Content;
  index: SiteIndex;
}

/** The content the last build loaded, for the build's later steps (search indexing, offline). */
let lastLoaded: Promise<Content> | undefined;

/**
 * What the last Eleventy build in this process loaded and validated: `scripts/build.ts` hands it
 * to the search step instead of reading and validating 4,000 files again.
 */
export function contentOfLastBuild(): Promise<Content> | undefined {
  return lastLoaded;
}

/**
 * Loads and validates all content once per build, before Eleventy renders anything, and
 * exposes it as global data: `level` (the one level model), `analyses`, `regionPages`, and
 * `now` (the build's "today", pinned by DEFCON_BUILD_DATE for reproducible builds).
 * A ContentError thrown here stops the build with every problem listed.
 */
export default function contentPlugin(eleventyConfig: EleventyConfig): void {
  let loading: Promise<Loaded> | undefined;
  const load = (runMode: string | undefined): Promise<Loaded> => {
    if (loading) return loading;
    const now = buildNow();
    loading = loadContent({ root: process.cwd(), includeDrafts: runMode !== "build", now }).then((content) => ({
      now,
      content,
      index: buildSiteIndex(content.articles, content.regions),
    }));
    lastLoaded = loading.then((loaded) => loaded.content);
    // Eleventy reports a failed load (through the global data below); without this, the same
    // rejection would also surface here as an unhandled one, with a crash dump after the report.
    lastLoaded.catch(() => undefined);
    return loading;
  };
  const runMode = () => process.env["ELEVENTY_RUN_MODE"];

  // A fresh load for every build, so `npm start` picks up an editor's changes.
  eleventyConfig.on("eleventy.before", async () => {
    loading = undefined;
    await load(runMode());
  });

  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: parseYaml } });

  // Drafts are rendered by `npm start` and never by `npm run build`.
  eleventyConfig.addPreprocessor("drafts", "md", (data: { draft?: boolean }) => {
    if (data.draft && runMode() === "build") return false;
    return undefined;
  });

  eleventyConfig.addGlobalData("now", async () => (await load(runMode())).now);
  eleventyConfig.addGlobalData("level", async () => (await load(runMode())).content.level);
  eleventyConfig.addGlobalData("analyses", async () => (await load(runMode())).content.articles);
  // The validated record of each analysis by Eleventy's input path ("./site/articles/2024/x.md"):
  // its address and everything its page shows come from here, not from a second reading of the file.
  eleventyConfig.addGlobalData("analysisByInputPath", async () => {
    const { articles } = (await load(runMode())).content;
    return new Map(articles.map((article) => [`./${article.file}`, article]));
  });
  eleventyConfig.addGlobalData("regionPages", async () => (await load(runMode())).index.regionPages);
  eleventyConfig.addGlobalData("activeRegions", async () =>
    (await load(runMode())).index.regionPages.filter((region) => region.articles.length > 0),
  );
  eleventyConfig.addGlobalData("regionIndex", async () => (await load(runMode())).index.regionByName);
  eleventyConfig.addGlobalData("articleNeighbours", async () => (await load(runMode())).index.neighbours);
}

export type { ArticleRecord };
