import { readFile } from "node:fs/promises";
import path from "node:path";
import type { GateFailure, ScannedPage, SiteContext } from "./gate.ts";
import { pageTypeOf, urlPathOf } from "./outputPaths.ts";
import { pageGates, type PageGateConfig } from "./pageGates.ts";
import { scanPage } from "./scanPage.ts";

/** A page as the site-wide gates keep it: no HTML and no text, to keep memory flat. */
export type KeptPage = Omit<ScannedPage, "html">;

export interface PagesResult {
  failures: GateFailure[];
  pages: Map<string, KeptPage>;
  /** The heaviest page of each type (with its HTML, for the size report) and how many there are. */
  heaviest: Map<string, { page: ScannedPage; count: number }>;
}

/** Pages are read in batches: the disk stays busy while the CPU parses, without opening thousands of files at once. */
const BATCH = 64;

/**
 * Parses each page once and runs every per-page gate on it. A page Eleventy has just rendered is
 * taken from `rendered` (the text it wrote, keyed by output path), which spares reading 4,000
 * files back from disk; any other page is read from the output.
 */
export async function scanPages(
  outputDir: string,
  files: readonly string[],
  site: SiteContext,
  config: PageGateConfig,
  rendered: ReadonlyMap<string, string> = new Map(),
): Promise<PagesResult> {
  const gates = pageGates(config);
  const failures: GateFailure[] = [];
  const pages = new Map<string, KeptPage>();
  const heaviest = new Map<string, { page: ScannedPage; count: number }>();
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files.slice(start, start + BATCH);
    const htmls = await Promise.all(batch.map((file) => rendered.get(file) ?? readFile(path.join(outputDir, file), "utf8")));
    batch.forEach((file, i) => {
      const html = htmls[i]!;
      const page: ScannedPage = { path: file, url: urlPathOf(file), bytes: Buffer.byteLength(html), html, facts: scanPage(html) };
      for (const gate of gates) {
        for (const reason of gate.check(page, site)) failures.push({ gate: gate.name, path: file, reason });
      }
      const { html: _html, ...kept } = page;
      pages.set(file, { ...kept, facts: { ...kept.facts, visibleText: "" } });
      const type = pageTypeOf(file);
      const seen = heaviest.get(type);
      if (!seen) heaviest.set(type, { page, count: 1 });
      else heaviest.set(type, { page: page.bytes > seen.page.bytes ? page : seen.page, count: seen.count + 1 });
    });
  }
  return { failures, pages, heaviest };
}
