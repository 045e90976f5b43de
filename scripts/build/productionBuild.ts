/**
 * The production build, run by `npm run build` (scripts/build.ts).
 *   0. it takes the folder's build lock, so that one build at a time writes here (a second one
 *      waits), puts back the last site if a killed build left none, and clears leftovers;
 *   1. every content file is read and validated, then Eleventy renders the site from that content
 *      (handed to contentPlugin through Eleventy's config) into _site.tmp/;
 *   2. the gates read the output and refuse to publish a page that breaks a rule, while Pagefind
 *      indexes the analyses (stopped if a gate refuses); then the service worker and its manifest
 *      are written;
 *   4. only then is _site.tmp/ swapped into _site/, so a failed build never touches the last good
 *      site; Ctrl+C or `kill` during the swap waits for it to finish.
 * Exits non-zero, naming the file and the reason, on any failure; a problem with the folder or
 * the disk is said in one line with what to do.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { acquireBuildLock, LOCK_FILE, type BuildLock } from "./buildLock.ts";
import { describeError } from "./describeError.ts";
import { StopGuard } from "./stopGuard.ts";
import { clearLeftovers, recoverInterruptedSwap, removeOldSite, swapOutput } from "./swapOutput.ts";
import { runOutputGates } from "../gates/outputGates.ts";
import { indexSearch, type SearchIndexReport } from "../search/indexSearch.ts";
import { searchShardsOf } from "../search/searchShards.ts";
import { writeServiceWorker } from "../offline/writeServiceWorker.ts";
import type { OfflineManifest } from "../offline/offlineManifest.ts";
import { loadContentForBuild, provideContent, type LoadedContent } from "../eleventy/contentPlugin.ts";
import { formatPageSizes } from "../gates/formatPageSizes.ts";
import { shareCardReport } from "../eleventy/shareCardsPlugin.ts";
import type { EleventyConfig } from "../eleventy/eleventyConfig.ts";
import { SHARE_CARD_CACHE } from "../shareCard/cacheFolder.js";

export const STAGING_DIR = "_site.tmp";
export const OUTPUT_DIR = "_site";

/** The project's Eleventy configuration, the table of contents of its plugins. */
export const ELEVENTY_CONFIG = ".eleventy.js";

/**
 * Builds the project in `root` and publishes it to `root/_site/`; resolves to the exit code.
 * `eleventyConfig` is the Eleventy configuration file to render with: the project's own, or its
 * compiled copy (scripts/build/compileScripts.js).
 * Environment errors (a full disk, a denied permission) are thrown for reportingEnvironmentProblems.
 */
export async function productionBuild(root: string, eleventyConfig = ELEVENTY_CONFIG): Promise<number> {
  const guard = new StopGuard(`nothing was published, ${OUTPUT_DIR}/ was left as it was`);
  const lock = await acquireBuildLock(
    root,
    () => guard.stop(`lost its lock on this folder (${LOCK_FILE}/ was deleted, or taken over by another build while this one stalled)`, 1),
    (releaseSync) => guard.onStop(releaseSync),
  );
  try {
    if (!lock) return 1;
    try {
      return await build(root, guard, lock, eleventyConfig);
    } finally {
      await lock.release();
    }
  } finally {
    guard.dispose();
  }
}

interface Rendering {
  /** What Eleventy wrote, by path in the output folder, so the gates need not read every page back. */
  renderedPages: Map<string, string>;
  eleventyConfig: EleventyConfig | undefined;
}

/**
 * Eleventy renders the site into the staging folder. Its instance, which holds every page and its
 * data, is let go once it has written them, so that the gates, the search step and the service
 * worker do not carry it too.
 */
async function render(Eleventy: typeof import("@11ty/eleventy").default, staged: string, loaded: LoadedContent, configPath: string): Promise<Rendering> {
  let eleventyConfig: EleventyConfig | undefined;
  const eleventy = new Eleventy("site", STAGING_DIR, {
    configPath,
    quietMode: true,
    runMode: "build",
    config: (config) => {
      eleventyConfig = config;
      provideContent(config, loaded);
    },
  });
  // Our own summary and describeError() report everything; Eleventy's log would say it twice.
  eleventy.disableLogger();
  const [, templates] = await eleventy.write();
  const renderedPages = new Map(
    templates.flatMap((t) => (t.outputPath ? [[path.relative(staged, t.outputPath).split(path.sep).join("/"), t.content] as const] : [])),
  );
  return { renderedPages, eleventyConfig };
}

async function build(root: string, guard: StopGuard, lock: BuildLock, eleventyConfigFile: string): Promise<number> {
  const staged = path.join(root, STAGING_DIR);
  const live = path.join(root, OUTPUT_DIR);
  const started = performance.now();
  if (await recoverInterruptedSwap(live)) console.log(`A build was killed while publishing; the site before it is back in ${OUTPUT_DIR}/.`);
  await clearLeftovers(staged, live);

  // Validation at the door: every content file is read and checked once, before anything is rendered.
  let loaded: LoadedContent;
  try {
    loaded = await loadContentForBuild(root);
  } catch (error) {
    console.error(`✖ Build failed; ${OUTPUT_DIR}/ was left as it was.\n${describeError(error, root)}`);
    return 1;
  }
  const validated = performance.now();

  // Loaded only for content that passed: a content mistake is reported without waiting for it.
  const { default: Eleventy } = await import("@11ty/eleventy");
  const eleventyLoaded = performance.now();
  let rendering: Rendering;
  try {
    rendering = await render(Eleventy, staged, loaded, eleventyConfigFile);
  } catch (error) {
    console.error(`✖ Build failed; ${OUTPUT_DIR}/ was left as it was.\n${describeError(error, root)}`);
    return 1;
  }
  const { eleventyConfig } = rendering;
  // Given up once the gates have read them (below), like Eleventy itself once it has written them.
  let renderedPages: Map<string, string> | undefined = rendering.renderedPages;
  const rendered = performance.now();

  // The search index is written while the gates read the pages, which they do from memory: the
  // indexers are other processes, so the two share the machine's processors. If a gate refuses a
  // page, the indexers are stopped and nothing is published, so only a good site is ever indexed.
  const stopIndexing = new AbortController();
  const searching = indexSearch(staged, loaded.content.level, searchShardsOf(loaded.content), stopIndexing.signal);
  searching.catch(() => undefined);
  let gatesPassed = false;
  let report: Awaited<ReturnType<typeof runOutputGates>>;
  try {
    report = await runOutputGates(staged, root, renderedPages);
    renderedPages = undefined;
    gatesPassed = report.failures.length === 0;
  } finally {
    // The indexers are ended before the build returns, so none goes on writing into the staging folder.
    if (!gatesPassed) {
      stopIndexing.abort();
      await searching.catch(() => undefined);
    }
  }
  const gated = performance.now();
  if (report.failures.length > 0) {
    console.error(`✖ ${report.failures.length} page problem(s); nothing was published, ${OUTPUT_DIR}/ was left as it was.`);
    for (const f of report.failures) console.error(`  ✖ ${STAGING_DIR}/${f.path} [${f.gate}]: ${f.reason}`);
    console.error(`  The rejected output is in ${STAGING_DIR}/ for inspection.`);
    return 1;
  }

  // Then the service worker, whose manifest lists the index's files.
  let search: SearchIndexReport;
  let offline: OfflineManifest;
  try {
    search = await searching;
  } catch (error) {
    console.error(`✖ The search index failed; ${OUTPUT_DIR}/ was left as it was.\n${describeError(error, root)}`);
    return 1;
  }
  const indexed = performance.now();
  try {
    offline = await writeServiceWorker(staged, loaded.content.analyses.map((analysis) => analysis.slug));
  } catch (error) {
    console.error(`✖ The service worker failed; ${OUTPUT_DIR}/ was left as it was.\n${describeError(error, root)}`);
    return 1;
  }
  const workerWritten = performance.now();

  // A lost lock is noticed at its next refresh, seconds later; publishing cannot wait for that.
  lock.confirm();
  await guard.hold(() => swapOutput(staged, live), `the new site is already in ${OUTPUT_DIR}/`);
  const leftover = await removeOldSite(live);
  const seconds = (ms: number) => (ms / 1000).toFixed(2) + " s";
  // One line with every phase: scripts/bench.ts reads it. Search runs beside the gates: its time
  // counts from the end of Eleventy's.
  console.log(
    `✔ Built ${report.pages} pages into ${OUTPUT_DIR}/ in ${seconds(performance.now() - started)} ` +
      `(content ${seconds(validated - started)}, loading Eleventy ${seconds(eleventyLoaded - validated)}, ` +
      `Eleventy ${seconds(rendered - eleventyLoaded)}, gates ${seconds(gated - rendered)}, ` +
      `search ${seconds(indexed - rendered)}, offline ${seconds(workerWritten - indexed)}).`,
  );
  console.log(formatPageSizes(report.sizes));
  console.log(
    `✔ Search: ${search.pages} analyses and ${search.assessments} assessments indexed` +
      `${search.shards > 1 ? ` in ${search.shards} shards` : ""}, index ${(offline.searchIndex.bytes / 1024).toFixed(0)} KiB (${offline.searchIndex.automatic ? "cached offline on first visit" : "offline on request"}).`,
  );
  const cards = eleventyConfig && shareCardReport(eleventyConfig);
  if (cards) {
    const drawing = cards.drawn > 0 ? ` in ${seconds(cards.drawingSeconds * 1000)} beside the rendering` : "";
    console.log(`✔ Share cards: ${cards.drawn} drawn${drawing}, ${cards.reused} unchanged (kept in ${SHARE_CARD_CACHE}/).`);
  }
  if (leftover) console.warn(`⚠ The new site is live, but ${leftover}.`);
  return 0;
}
