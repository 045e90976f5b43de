/**
 * `npm run bench -- --articles 4000 [--articles 20000] [--runs 3] [--dev]`
 *
 *   --articles N  analyses in the synthetic corpus (scripts/bench/syntheticCorpus.ts); repeat the
 *                 flag, or separate sizes with commas, to measure several (default 1000)
 *   --runs N      timed rounds per size (default 3)
 *   --dev         measure `npm start`'s edit loop instead of the production build
 *
 * For each size, in a temporary copy of the project holding that corpus, and printed as Markdown
 * tables for docs/performance.md (progress goes to stderr as it comes):
 *   1. a first production build, which draws every share card, reported on its own;
 *   2. rounds of the production build and of the natural stack, a bare Eleventy project and
 *      Pagefind's CLI over the same Markdown (what a user would set up instead), alternating
 *      which goes first, with the ratio of their wall times;
 *   3. every phase of the build, the peak memory and processor time of every process of both
 *      (Pagefind's binary included), the size of the output and of the search index;
 *   4. a first search in Chromium on the build's output: the bytes as Netlify serves them, and
 *      the time from typing a query to its results.
 * With --dev: the time from saving a change to the dev server's rebuilt pages (devLoop.ts), and
 * the same title edit in the natural stack's dev server, bare Eleventy's (naturalDevLoop.ts).
 */
import { parseArgs } from "node:util";
import { benchHeading, withBenchProject } from "./bench/benchProject.ts";
import { compareWithNaturalStack, type BuildComparison } from "./bench/buildComparison.ts";
import { buildComparisonReport } from "./bench/buildComparisonReport.ts";
import { measureDevLoop } from "./bench/devLoop.ts";
import { devLoopReport } from "./bench/devLoopReport.ts";
import { measureNaturalDevLoop } from "./bench/naturalDevLoop.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", multiple: true, default: ["1000"] },
    runs: { type: "string", default: "3" },
    dev: { type: "boolean", default: false },
  },
});
const sizes = values.articles.flatMap((v) => v.split(",")).map(Number);
const runs = Number(values.runs);
const projectRoot = process.cwd();
const heading = benchHeading(`npm run bench -- ${process.argv.slice(2).join(" ")}`);

if (values.dev) {
  const reports: string[] = [];
  for (const count of sizes) {
    // The natural stack first: it copies the analyses before the edit loop adds, renames and deletes some.
    reports.push(
      await withBenchProject(projectRoot, count, async (root) => {
        const natural = await measureNaturalDevLoop(root, projectRoot, count);
        return devLoopReport(await measureDevLoop(root, count), natural);
      }),
    );
  }
  console.log(`\n${heading}\n\n${reports.join("\n")}`);
} else {
  const results: BuildComparison[] = [];
  for (const count of sizes) {
    results.push(await withBenchProject(projectRoot, count, (root) => compareWithNaturalStack(projectRoot, root, count, runs)));
  }
  console.log(`\n${heading}\n\n${buildComparisonReport(results, runs)}`);
}
