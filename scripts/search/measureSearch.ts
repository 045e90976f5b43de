/**
 * `npm run bench:search -- --articles 4000 [--query deterrence]`
 * Builds a synthetic corpus (scripts/bench/syntheticCorpus.ts) with the real production build and
 * prints, as Markdown for docs/performance.md: what the search step adds to the build, the size of
 * the index, and the bytes a first query downloads in Chromium (no service worker, no HTTP cache),
 * as Netlify serves them (scripts/bench/firstQueryBytes.ts).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { copyProject } from "../build/copyProject.ts";
import { buildCommandArgs } from "../build/packageCommand.ts";
import { writeSyntheticCorpus } from "../bench/syntheticCorpus.ts";
import { parseBuildSummary } from "../bench/buildSummary.ts";
import { runMeasured } from "../bench/measuredProcess.ts";
import { firstQueryTable, measureFirstQuery } from "../bench/firstQueryBytes.ts";
import { folderSize } from "../bench/outputSize.ts";

const { values } = parseArgs({ options: { articles: { type: "string", default: "4000" }, query: { type: "string", default: "deterrence" } } });
const count = Number(values.articles);

const root = await mkdtemp(path.join(os.tmpdir(), "defcon-search-bench-"));
try {
  await copyProject(process.cwd(), root);
  await writeSyntheticCorpus(root, count);
  const { stdout: output } = await runMeasured(process.execPath, buildCommandArgs(root), {
    cwd: root,
    env: { ...process.env, DEFCON_BUILD_DATE: "2026-01-15T12:00:00Z" },
  });
  const built = parseBuildSummary(output);
  if (!built) throw new Error(`unexpected build output:\n${output}`);
  const search = /✔ Search: (\d+) analyses and (\d+) assessments indexed(?: in \d+ shards)?, index (\d+) KiB \(([^)]*)\)/.exec(output);
  const site = path.join(root, "_site");
  const firstQuery = await measureFirstQuery(site, values.query);

  const phase = (name: string) => built.phases.get(name) ?? 0;
  // Everything before the search step; "content" and "loading Eleventy" were once inside "Eleventy".
  const beforeSearch = ["content", "loading Eleventy", "Eleventy", "gates"].reduce((sum, name) => sum + phase(name), 0);
  const indexKiB = search?.[3] ?? ((await folderSize(path.join(site, "pagefind"))).bytes / 1024).toFixed(0);
  console.log(`\n### Search at ${count} analyses\n`);
  console.log(`| pages | analyses + assessments indexed | build (content, Eleventy, gates) | search step (Pagefind) | service worker | index on disk | offline index |`);
  console.log(`|---:|---:|---:|---:|---:|---:|---|`);
  console.log(
    `| ${built.pages} | ${search ? `${search[1]} + ${search[2]}` : "?"} | ${beforeSearch.toFixed(2)} s | ${phase("search").toFixed(2)} s | ` +
      `${phase("offline").toFixed(2)} s | ${indexKiB} KiB | ${search?.[4] ?? "?"} |`,
  );
  console.log(`\nFirst query "${values.query}" on /search/ (cold: no service worker, no HTTP cache):\n`);
  console.log(firstQueryTable(firstQuery));
} finally {
  await rm(root, { recursive: true, force: true });
}
