/**
 * `npm run bench:gates -- --articles 4000 [--runs 3]`
 * Builds a synthetic corpus once with the real build, then times over the same output (without
 * /pagefind/, which the gates never see), several times each: reading every page, the disclaimer
 * check alone on pages already in memory (its own parse of each), and the whole gate pass reading
 * the pages from disk (the build hands them over from memory). Prints medians as Markdown.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { copyProject } from "../build/copyProject.ts";
import { buildCommandArgs } from "../build/packageCommand.ts";
import { writeSyntheticCorpus } from "./syntheticCorpus.ts";
import { listHtmlFiles } from "../gates/runGates.ts";
import { runOutputGates } from "../gates/outputGates.ts";
import { foldWhitespace, pageText } from "../gates/visibleText.ts";

const { values } = parseArgs({ options: { articles: { type: "string", default: "4000" }, runs: { type: "string", default: "3" } } });
const count = Number(values.articles);
const runs = Number(values.runs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push((performance.now() - started) / 1000);
  }
  return times;
}

const root = await mkdtemp(path.join(os.tmpdir(), "defcon-gates-bench-"));
try {
  await copyProject(process.cwd(), root);
  await writeSyntheticCorpus(root, count);
  const summary = execFileSync(process.execPath, buildCommandArgs(root), { cwd: root, encoding: "utf8" }).split("\n")[0];
  const output = path.join(root, "_site");
  await rm(path.join(output, "pagefind"), { recursive: true, force: true });
  const site = JSON.parse(await readFile(path.join(root, "_data/site.json"), "utf8")) as { disclaimer: string };
  const expected = foldWhitespace(site.disclaimer);
  const pages = await listHtmlFiles(output);

  let htmls: string[] = [];
  const reading = await timed(async () => {
    htmls = await Promise.all(pages.map((page) => readFile(path.join(output, page), "utf8")));
  });
  const disclaimerOnly = await timed(async () => {
    htmls.forEach((html, i) => {
      if (!pageText(html).includes(expected)) throw new Error(`${pages[i]} fails the disclaimer check`);
    });
  });
  const allGates = await timed(() => runOutputGates(output, root));

  console.log(`\nBuild: ${summary}\n`);
  console.log(`| ${count} analyses, ${pages.length} pages | median of ${runs} (s) | runs (s) |`);
  console.log(`|---|---:|---|`);
  const row = (what: string, times: number[]) =>
    console.log(`| ${what} | ${median(times).toFixed(2)} | ${times.map((t) => t.toFixed(2)).join(", ")} |`);
  row("reading every page", reading);
  row("disclaimer check alone, pages in memory (its own parse of each)", disclaimerOnly);
  row("every gate, pages read from disk (the build hands them over from memory instead)", allGates);
} finally {
  await rm(root, { recursive: true, force: true });
}
