import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { FactGate, GateFailure, PageGate, ScannedFile, ScannedPage, ScannedSite, SiteContext, SiteGate } from "./gate.ts";
import { pageTypeOf, urlPathOf } from "./outputPaths.ts";
import { pageWeight, type PageWeight } from "./pageWeight.ts";
import { resolveReference } from "./resolveReference.ts";
import { cssUrls, scanPage, type Reference } from "./scanPage.ts";
import { scanJsonFeed, scanXmlFeed } from "./scanFeed.ts";

/** Every file under `dir` whose name ends in `.html`, as forward-slash paths relative to it. */
export async function listHtmlFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((file) => file.endsWith(".html"));
}

/** Every file under `dir`, as sorted forward-slash paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The heaviest page of one type, for the build summary. */
export interface PageTypeSize {
  type: string;
  count: number;
  largest: string;
  weight: PageWeight;
}

export interface GateReport {
  pages: number;
  failures: GateFailure[];
  /** Per page type, largest first by type name; empty when `runPageGates` is used alone. */
  sizes: PageTypeSize[];
}

export interface GateSet {
  /** Gates that need the page's HTML itself (e.g. its visible text). */
  pageGates?: readonly PageGate[];
  /** Gates over the facts of the one shared parse of each page. */
  factGates?: readonly FactGate[];
  /** Gates over the whole output (links between pages, unique titles). */
  siteGates?: readonly SiteGate[];
  /** The origin relative URLs resolve against, e.g. https://www.defconwarningsystem.com. */
  origin: string;
  /** Further origins that are this site (e.g. Netlify's URL when it differs). */
  alsoFirstParty?: readonly string[];
}

/** Reads each HTML page of the output once and runs every page gate over it. */
export async function runPageGates(outputDir: string, gates: readonly PageGate[]): Promise<GateReport> {
  return runGates(outputDir, { pageGates: gates, origin: "https://site.invalid" });
}

/** Text assets a browser receives compressed; their gzipped size is what budgets count. */
const COMPRESSIBLE = /\.(css|js|mjs|svg|json|xml|txt)$/;
/** Pages are read in batches: the disk stays busy while the CPU parses, without opening 4,000 files at once. */
const BATCH = 64;

/**
 * The gates' single pass over the output: non-HTML files are measured (and stylesheets and feeds
 * scanned), then each page is read and parsed once, the per-page gates run on it, and only its
 * facts are kept for the site-wide gates, which run last.
 */
export async function runGates(outputDir: string, set: GateSet): Promise<GateReport> {
  const all = await listFiles(outputDir);
  const htmlFiles = all.filter((file) => file.endsWith(".html"));
  const files = new Map<string, number>(htmlFiles.map((file) => [file, 0]));
  const gzippedAssets = new Map<string, number>();
  const cssDependencies = new Map<string, string[]>();
  const others: ScannedFile[] = [];
  const site: SiteContext = {
    origin: set.origin,
    firstPartyOrigins: new Set([set.origin, ...(set.alsoFirstParty ?? [])].map((url) => new URL(url).origin)),
    files,
    gzippedAssets,
    cssDependencies,
  };

  const assets = all.filter((file) => !file.endsWith(".html"));
  const sizes = await Promise.all(assets.map((file) => stat(path.join(outputDir, file)).then((info) => info.size)));
  assets.forEach((file, i) => files.set(file, sizes[i]!));
  const scanned = assets.filter((file) => COMPRESSIBLE.test(file));
  const texts = await Promise.all(scanned.map((file) => readFile(path.join(outputDir, file))));
  scanned.forEach((file, i) => {
    const buffer = texts[i]!;
    gzippedAssets.set(file, gzipSync(buffer).length);
    let references: Reference[] | undefined;
    if (file.endsWith(".css")) references = cssUrls(buffer.toString("utf8")).map((url) => ({ url, kind: "resource", where: "url() in CSS" }));
    else if (file.endsWith(".xml")) references = scanXmlFeed(buffer.toString("utf8"));
    else if (file.endsWith(".json")) references = scanJsonFeed(buffer.toString("utf8"));
    if (references === undefined) return;
    others.push({ path: file, references });
    if (file.endsWith(".css")) {
      const dependencies = references
        .map((reference) => resolveReference(reference.url, `/${file}`, site))
        .flatMap((resolved) => (resolved.kind === "internal" && resolved.file !== undefined ? [resolved.file] : []));
      cssDependencies.set(file, dependencies);
    }
  });

  const failures: GateFailure[] = [];
  const pages = new Map<string, Omit<ScannedPage, "html">>();
  const heaviest = new Map<string, { page: ScannedPage; count: number }>();
  for (let start = 0; start < htmlFiles.length; start += BATCH) {
    const batch = htmlFiles.slice(start, start + BATCH);
    const buffers = await Promise.all(batch.map((file) => readFile(path.join(outputDir, file))));
    batch.forEach((file, i) => {
      const buffer = buffers[i]!;
      const html = buffer.toString("utf8");
      files.set(file, buffer.length);
      const page: ScannedPage = { path: file, url: urlPathOf(file), bytes: buffer.length, html, facts: scanPage(html) };
      for (const gate of set.pageGates ?? []) {
        for (const reason of gate.check(page)) failures.push({ gate: gate.name, path: file, reason });
      }
      for (const gate of set.factGates ?? []) {
        for (const reason of gate.check(page, site)) failures.push({ gate: gate.name, path: file, reason });
      }
      const { html: _dropped, ...kept } = page;
      pages.set(file, kept);
      const type = pageTypeOf(file);
      const seen = heaviest.get(type);
      if (!seen) heaviest.set(type, { page, count: 1 });
      else heaviest.set(type, { page: page.bytes > seen.page.bytes ? page : seen.page, count: seen.count + 1 });
    });
  }

  const whole: ScannedSite = { ...site, pages, others };
  for (const gate of set.siteGates ?? []) failures.push(...gate.check(whole));

  const report: PageTypeSize[] = [...heaviest.entries()]
    .map(([type, { page, count }]) => ({ type, count, largest: page.path, weight: pageWeight(page, site, true) }))
    .sort((a, b) => a.type.localeCompare(b.type));
  return { pages: htmlFiles.length, failures, sizes: report };
}
