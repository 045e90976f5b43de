import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import type { GateFailure, ScannedFile, ScannedSite, SiteContext, SiteGate } from "./gate.ts";
import type { PageGateConfig } from "./pageGates.ts";
import { pageWeight, type PageWeight } from "./pageWeight.ts";
import { scanPages } from "./scanPages.ts";
import { resolveReference } from "./resolveReference.ts";
import { cssUrls, type Reference } from "./scanPage.ts";
import { scanJsonFeed, scanXmlFeed } from "./scanFeed.ts";
import { gzippedSizesOnDemand } from "./gzippedSize.ts";

/** Every file under `dir` whose name ends in `.html`, as forward-slash paths relative to it. */
export async function listHtmlFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((file) => file.endsWith(".html"));
}

/**
 * Every file under `dir`, as sorted forward-slash paths relative to it. Walks the folders
 * concurrently: Node's own recursive readdir goes one folder at a time, four times slower on
 * 4,000 page folders.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    await Promise.all(
      entries.map((entry) => {
        const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory()) return walk(child);
        if (entry.isFile()) found.push(child);
        return undefined;
      }),
    );
  };
  await walk("");
  return found.sort();
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
  /** Per page type, largest first by type name. */
  sizes: PageTypeSize[];
}

export interface GateSet {
  /** Configuration of the per-page gates (pageGates.ts), run over the one shared parse of each page. */
  pageGateConfig: PageGateConfig;
  /** Pages as Eleventy rendered them, by output path ("about/index.html"); others are read from disk. */
  rendered?: ReadonlyMap<string, string>;
  /** Gates over the whole output (links between pages, unique titles). */
  siteGates?: readonly SiteGate[];
  /** The origin relative URLs resolve against, e.g. https://www.defconwarningsystem.com. */
  origin: string;
  /** Further origins that are this site (e.g. Netlify's URL when it differs). */
  alsoFirstParty?: readonly string[];
}

/** Text assets a browser receives compressed; their gzipped size is what budgets count. */
const COMPRESSIBLE = /\.(css|js|mjs|svg|json|xml|txt)$/;
/**
 * The gates' single pass over the output: non-HTML files are measured (and stylesheets and feeds
 * scanned), then each page is read and parsed once, the per-page gates run on it, and only its
 * facts are kept for the site-wide gates, which run last.
 */
export async function runGates(outputDir: string, set: GateSet): Promise<GateReport> {
  const all = await listFiles(outputDir);
  const htmlFiles = all.filter((file) => file.endsWith(".html"));
  const files = new Map<string, number>(htmlFiles.map((file) => [file, 0]));
  const compressible = new Map<string, Buffer>();
  const gzippedAssets = gzippedSizesOnDemand(compressible);
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
  // A bounded number at a time: a large site has thousands, and macOS allows 256 open files.
  const reading = pLimit(32);
  const texts = await Promise.all(scanned.map((file) => reading(() => readFile(path.join(outputDir, file)))));
  scanned.forEach((file, i) => {
    const buffer = texts[i]!;
    compressible.set(file, buffer);
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

  // One thread: worker threads were measured (two workers, half the pages each) and took as long
  // on this 2-core machine as the main thread alone; see docs/performance.md.
  const { failures, pages, heaviest } = await scanPages(outputDir, htmlFiles, site, set.pageGateConfig, set.rendered);
  for (const [file, page] of pages) files.set(file, page.bytes);

  const whole: ScannedSite = { ...site, pages, others };
  for (const gate of set.siteGates ?? []) failures.push(...gate.check(whole));

  const report: PageTypeSize[] = [...heaviest.entries()]
    .map(([type, { page, count }]) => ({ type, count, largest: page.path, weight: pageWeight(page, site, true) }))
    .sort((a, b) => a.type.localeCompare(b.type));
  return { pages: htmlFiles.length, failures, sizes: report };
}
