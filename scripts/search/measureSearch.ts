/**
 * `npm run bench:search -- --articles 4000 [--query deterrence]`
 * Builds a synthetic corpus (scripts/bench/syntheticCorpus.ts) with the real production build and
 * prints, as Markdown for docs/performance.md: what the search step adds to the build, the size of
 * the index, and the bytes a first query downloads in Chromium (no service worker, no HTTP cache).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { copyProject } from "../build/copyProject.ts";
import { writeSyntheticCorpus } from "../bench/syntheticCorpus.ts";
import { createStaticServer, listen } from "../preview/staticServer.ts";
import { launchChromium } from "../preview/chromium.ts";

const { values } = parseArgs({ options: { articles: { type: "string", default: "4000" }, query: { type: "string", default: "deterrence" } } });
const count = Number(values.articles);

function run(root: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/build.ts"],
      { cwd: root, env: { ...process.env, DEFCON_BUILD_DATE: "2026-01-15T12:00:00Z" }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${stdout}\n${stderr}`)) : resolve(stdout)),
    ),
  );
}

function category(urlPath: string): string {
  if (/^\/pagefind\/fragment\//.test(urlPath)) return "fragments (excerpts of shown results)";
  if (/^\/pagefind\/(index|filter)\//.test(urlPath) || /\.pf_meta$|pagefind-entry\.json$/.test(urlPath)) return "index chunks, filters, metadata";
  if (/^\/pagefind\//.test(urlPath)) return "Pagefind runtime (JS, worker, WebAssembly, component UI)";
  return "the page (HTML, CSS, site JS)";
}

const root = await mkdtemp(path.join(os.tmpdir(), "defcon-search-bench-"));
try {
  await copyProject(process.cwd(), root);
  await writeSyntheticCorpus(root, count);
  const output = await run(root);
  const built = /✔ Built (\d+) pages into _site\/ in [\d.]+ s \(Eleventy ([\d.]+) s, gates ([\d.]+) s, search ([\d.]+) s, offline ([\d.]+) s\)/.exec(output);
  const search = /✔ Search: (\d+) analyses and (\d+) assessments indexed, index (\d+) KiB \(([^)]*)\)/.exec(output);
  if (!built || !search) throw new Error(`unexpected build output:\n${output}`);

  const site = path.join(root, "_site");
  const server = createStaticServer({ root: site });
  const origin = await listen(server);
  const browser = await launchChromium();
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 1600 } });
  const page = await context.newPage();
  const bytes = new Map<string, { raw: number; gzip: number; files: number }>();
  page.on("requestfinished", async (request) => {
    const urlPath = new URL(request.url()).pathname;
    const file = urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath;
    const body = await readFile(path.join(site, decodeURIComponent(file))).catch(() => Buffer.alloc(0));
    const entry = bytes.get(category(urlPath)) ?? { raw: 0, gzip: 0, files: 0 };
    // Pagefind's own files are already compressed; gzip is what a host would add to the rest.
    entry.raw += body.length;
    entry.gzip += /\.pf_|\.pagefind$/.test(urlPath) ? body.length : gzipSync(body).length;
    entry.files++;
    bytes.set(category(urlPath), entry);
  });
  await page.goto(`${origin}/search/?q=${encodeURIComponent(values.query)}`);
  await page.waitForSelector("pagefind-results a.pf-result-link", { timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  await browser.close();
  server.close();

  const kib = (n: number) => (n / 1024).toFixed(1);
  const [, pages, eleventySeconds, gatesSeconds, indexSeconds, workerSeconds] = built;
  const total = (Number(eleventySeconds) + Number(gatesSeconds)).toFixed(2);
  const [, analyses, assessments, indexKiB, offlineMode] = search;
  console.log(`\n### Search at ${count} analyses\n`);
  console.log(`| pages | analyses + assessments indexed | build (Eleventy + gates) | search step (Pagefind) | service worker | index on disk | offline index |`);
  console.log(`|---:|---:|---:|---:|---:|---:|---|`);
  console.log(`| ${pages} | ${analyses} + ${assessments} | ${total} s | ${indexSeconds} s | ${workerSeconds} s | ${indexKiB} KiB | ${offlineMode} |`);
  console.log(`\nFirst query "${values.query}" on /search/ (cold: no service worker, no HTTP cache):\n`);
  console.log(`| what | files | bytes | gzipped (est.) |`);
  console.log(`|---|---:|---:|---:|`);
  let raw = 0;
  let gzip = 0;
  for (const [name, entry] of bytes) {
    raw += entry.raw;
    gzip += entry.gzip;
    console.log(`| ${name} | ${entry.files} | ${kib(entry.raw)} KiB | ${kib(entry.gzip)} KiB |`);
  }
  console.log(`| **total** | ${[...bytes.values()].reduce((n, e) => n + e.files, 0)} | ${kib(raw)} KiB | ${kib(gzip)} KiB |`);
} finally {
  await rm(root, { recursive: true, force: true });
}
