/**
 * `npm run bench -- --articles 4000 [--articles 1000] [--runs 3]`
 * Builds a synthetic corpus of that many analyses in a temporary copy of the project with the
 * real production build, several times, and prints medians of wall time and of each build phase,
 * peak memory and output size, as a Markdown table for docs/performance.md.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { copyProject } from "./build/copyProject.ts";
import { writeSyntheticCorpus } from "./bench/syntheticCorpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", multiple: true, default: ["1000"] },
    runs: { type: "string", default: "3" },
  },
});
const sizes = values.articles.flatMap((v) => v.split(",")).map(Number);
const runs = Number(values.runs);
const projectRoot = process.cwd();

interface Run {
  wallSeconds: number;
  phases: Map<string, number>;
  maxRssMiB: number;
  /** Share cards drawn by this run (a first build draws every card; later ones reuse them). */
  cardsDrawn: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number; pages: number }> {
  let files = 0;
  let bytes = 0;
  let pages = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name.endsWith(".html")) pages++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes, pages };
}

function build(root: string, usageFile: string): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/bench/reportUsage.ts", "scripts/build.ts"],
      { cwd: root, env: { ...process.env, BENCH_USAGE_FILE: usageFile }, maxBuffer: 256 * 1024 * 1024 },
      async (error, stdout, stderr) => {
        const wallSeconds = (performance.now() - started) / 1000;
        if (error) return reject(new Error(`build failed:\n${stdout}\n${stderr}`));
        // The summary line lists each phase as "<name> <seconds> s".
        const summary = /\(([^)]*)\)\.\s*$/m.exec(stdout)?.[1] ?? "";
        const phases = new Map<string, number>();
        for (const [, name, seconds] of summary.matchAll(/([A-Za-z][\w -]*?) (\d+(?:\.\d+)?) s/g)) {
          phases.set(name!.trim(), Number(seconds));
        }
        const usage = JSON.parse(await readFile(usageFile, "utf8")) as { maxRssKiB: number };
        const cardsDrawn = Number(/Share cards: (\d+) drawn/.exec(stdout)?.[1] ?? 0);
        resolve({ wallSeconds, phases, maxRssMiB: usage.maxRssKiB / 1024, cardsDrawn });
      },
    );
  });
}

const rows: string[] = [];
let phaseNames: string[] = [];
for (const count of sizes) {
  const root = await mkdtemp(path.join(os.tmpdir(), "defcon-bench-"));
  try {
    await copyProject(projectRoot, root);
    await writeSyntheticCorpus(root, count);
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await build(root, path.join(root, `usage-${i}.json`));
      console.error(
        `  ${count} analyses, run ${i + 1}/${runs}: ${run.wallSeconds.toFixed(2)} s, peak RSS ${run.maxRssMiB.toFixed(0)} MiB, ` +
          `${run.cardsDrawn} share cards drawn`,
      );
      results.push(run);
    }
    const output = await folderSize(path.join(root, "_site"));
    phaseNames = [...new Set(results.flatMap((r) => [...r.phases.keys()]))];
    const phaseCells = phaseNames.map((name) => median(results.map((r) => r.phases.get(name) ?? 0)).toFixed(2));
    rows.push(
      `| ${count} | ${output.pages} | ${median(results.map((r) => r.wallSeconds)).toFixed(2)} | ` +
        `${phaseCells.join(" | ")} | ${median(results.map((r) => r.maxRssMiB)).toFixed(0)} | ` +
        `${(output.bytes / 1024 / 1024).toFixed(1)} (${output.files} files) |`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

console.log(`\nMedians of ${runs} runs (node ${process.version}, ${os.cpus().length} cores):\n`);
console.log(`| analyses | pages | wall (s) | ${phaseNames.map((n) => `${n} (s)`).join(" | ")} | peak RSS (MiB) | output (MiB) |`);
console.log(`|---:|---:|---:|${phaseNames.map(() => "---:|").join("")}---:|---:|`);
for (const row of rows) console.log(row);
