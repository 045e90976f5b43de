/**
 * The production build: `npm run build`.
 *   1. Eleventy renders the site into _site.tmp/ (content is validated first, in contentPlugin);
 *   2. the gates read the output and refuse to publish a page that breaks a rule;
 *   3. Pagefind indexes the analyses and the service worker's manifest is written;
 *   4. only then is _site.tmp/ swapped into _site/, so a failed build never touches the last good site.
 * Exits non-zero, naming the file and the reason, on any failure.
 */
import path from "node:path";
import { rm } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import Eleventy from "@11ty/eleventy";
import { describeError } from "./build/describeError.ts";
import { swapOutput } from "./build/swapOutput.ts";
import { runOutputGates } from "./gates/outputGates.ts";
import { runSearchStep, type SearchStepReport } from "./search/searchStep.ts";
import { contentOfLastBuild } from "./eleventy/contentPlugin.ts";
import { formatPageSizes } from "./gates/formatPageSizes.ts";

export const STAGING_DIR = "_site.tmp";
export const OUTPUT_DIR = "_site";

async function main(): Promise<number> {
  const root = process.cwd();
  const staged = path.join(root, STAGING_DIR);
  const started = performance.now();
  await rm(staged, { recursive: true, force: true });

  const eleventy = new Eleventy("site", STAGING_DIR, {
    configPath: ".eleventy.js",
    quietMode: true,
    runMode: "build",
  });
  // Our own summary and describeError() report everything; Eleventy's log would say it twice.
  eleventy.disableLogger();
  let renderedPages: Map<string, string>;
  try {
    const [, templates] = await eleventy.write();
    // What Eleventy wrote, kept so the gates need not read every page back from disk.
    renderedPages = new Map(
      templates.flatMap((t) => (t.outputPath ? [[path.relative(staged, t.outputPath).split(path.sep).join("/"), t.content]] : [])),
    );
  } catch (error) {
    console.error(`✖ Build failed; ${OUTPUT_DIR}/ was left as it was.\n${describeError(error)}`);
    return 1;
  }
  const rendered = performance.now();

  const report = await runOutputGates(staged, root, renderedPages);
  const gated = performance.now();
  if (report.failures.length > 0) {
    console.error(`✖ ${report.failures.length} page problem(s); nothing was published, ${OUTPUT_DIR}/ was left as it was.`);
    for (const f of report.failures) console.error(`  ✖ ${STAGING_DIR}/${f.path} [${f.gate}]: ${f.reason}`);
    console.error(`  The rejected output is in ${STAGING_DIR}/ for inspection.`);
    return 1;
  }

  // Search index and service worker (issue 5): after the gates, so only a good site is indexed.
  let search: SearchStepReport;
  try {
    const content = contentOfLastBuild();
    if (!content) throw new Error("Eleventy finished without loading the content (scripts/eleventy/contentPlugin.ts)");
    search = await runSearchStep(staged, content);
  } catch (error) {
    console.error(`✖ Search index or service worker failed; ${OUTPUT_DIR}/ was left as it was.\n${describeError(error)}`);
    return 1;
  }

  await swapOutput(staged, path.join(root, OUTPUT_DIR));
  const seconds = (ms: number) => (ms / 1000).toFixed(2) + " s";
  // One line with every phase: scripts/bench.ts reads it.
  console.log(
    `✔ Built ${report.pages} pages into ${OUTPUT_DIR}/ in ${seconds(performance.now() - started)} ` +
      `(Eleventy ${seconds(rendered - started)}, gates ${seconds(gated - rendered)}, ` +
      `search ${seconds(search.indexMs)}, offline ${seconds(search.workerMs)}).`,
  );
  console.log(formatPageSizes(report.sizes));
  console.log(
    `✔ Search: ${search.pages} analyses and ${search.assessments} assessments indexed, ` +
      `index ${(search.indexBytes / 1024).toFixed(0)} KiB (${search.offlineIndexAutomatic ? "cached offline on first visit" : "offline on request"}).`,
  );
  return 0;
}

process.exitCode = await main();
