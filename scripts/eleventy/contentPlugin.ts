import type { AnalysisRecord } from "../content/validateAnalysis.ts";
import { loadContent, type Content } from "../content/loadContent.ts";
import { analysisUrl, buildSiteIndex, type SiteIndex } from "../content/siteIndex.ts";
import { parseYaml } from "../content/frontMatter.ts";
import { buildNow } from "../content/buildNow.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";
import { nextAssessmentOf } from "../level/nextAssessment.ts";
import { ValidAnalysisCache } from "../content/validAnalysisCache.ts";

/** What the site is built from: the validated content, its indexes, and the build's "today". */
export interface LoadedContent {
  now: Date;
  content: Content;
  index: SiteIndex;
}

/** Content its caller loaded before starting Eleventy, by the Eleventy configuration it is for. */
const provided = new WeakMap<EleventyConfig, LoadedContent>();

/** Each configuration's content of the current build, for the plugins that prepare more from it. */
const loaders = new WeakMap<EleventyConfig, () => Promise<LoadedContent>>();

/** The content of the build in progress, as contentPlugin loaded it (that plugin comes first). */
export function contentOfBuild(eleventyConfig: EleventyConfig): Promise<LoadedContent> {
  const load = loaders.get(eleventyConfig);
  if (!load) throw new Error("contentPlugin must be added before the plugins that read the content");
  return load();
}

/**
 * Loads and validates the content for a production build, for `scripts/build.ts` to hand to
 * Eleventy (provideContent) and then to the steps after it (search, offline): one reading of
 * the files for the whole build. Throws the ContentError listing every problem.
 */
export async function loadContentForBuild(root: string): Promise<LoadedContent> {
  const now = buildNow();
  const content = await loadContent({ root, includeDrafts: false, now });
  return { now, content, index: buildSiteIndex(content.analyses, content.regions) };
}

/**
 * For Eleventy's `config` callback (its constructor's option), which runs before the project's
 * configuration: the plugin then uses this content instead of loading it again.
 */
export function provideContent(eleventyConfig: EleventyConfig, loaded: LoadedContent): void {
  provided.set(eleventyConfig, loaded);
}

/**
 * Exposes the content as global data: `level` (the one level model), `analyses`, `regionPages`,
 * and `now` (the build's "today", pinned by DEFCON_BUILD_DATE for reproducible builds). The
 * production build provides it (provideContent); otherwise (`npm start`) it is loaded and
 * validated afresh before each build, drafts included, so an editor's change shows at once.
 * A ContentError stops the build with every problem listed.
 */
export default function contentPlugin(eleventyConfig: EleventyConfig): void {
  const given = provided.get(eleventyConfig);
  let loading: Promise<LoadedContent> | undefined;
  // Across `npm start`'s rebuilds: an analysis that was valid and did not change is not read again.
  const cache = new ValidAnalysisCache();
  const load = (runMode: string | undefined): Promise<LoadedContent> => {
    if (given) return Promise.resolve(given);
    if (loading) return loading;
    const now = buildNow();
    loading = loadContent({ root: process.cwd(), includeDrafts: runMode !== "build", now, cache }).then((content) => ({
      now,
      content,
      index: buildSiteIndex(content.analyses, content.regions),
    }));
    return loading;
  };
  const runMode = () => process.env["ELEVENTY_RUN_MODE"];
  loaders.set(eleventyConfig, () => load(runMode()));

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
  // Once per build: the home page, every page's header, the API and the calendar all say it.
  eleventyConfig.addGlobalData("nextAssessment", async () => {
    const { now, content } = await load(runMode());
    return nextAssessmentOf(content.level, now);
  });
  eleventyConfig.addGlobalData("analyses", async () => (await load(runMode())).content.analyses);
  // The validated record of each analysis by Eleventy's input path ("./site/articles/2024/x.md"):
  // its address and everything its page shows come from here, not from a second reading of the file.
  eleventyConfig.addGlobalData("analysisByInputPath", async () => {
    const { analyses } = (await load(runMode())).content;
    return new Map(analyses.map((analysis) => [`./${analysis.file}`, analysis]));
  });
  // For articles.11tydata.js, which Eleventy loads by itself and so imports nothing of ours.
  eleventyConfig.addGlobalData("analysisUrl", () => analysisUrl);
  eleventyConfig.addGlobalData("regionPages", async () => (await load(runMode())).index.regionPages);
  eleventyConfig.addGlobalData("activeRegions", async () =>
    (await load(runMode())).index.regionPages.filter((region) => region.analyses.length > 0),
  );
  eleventyConfig.addGlobalData("regionListPages", async () => (await load(runMode())).index.regionListPages);
  eleventyConfig.addGlobalData("regionIndex", async () => (await load(runMode())).index.regionByName);
  eleventyConfig.addGlobalData("analysisNeighbours", async () => (await load(runMode())).index.neighbours);
}

export type { AnalysisRecord };
