import type { ScannedPage, SiteContext } from "./gate.ts";
import { PRODUCED_AFTER_GATES } from "./checkLinks.ts";
import { resolveReference } from "./resolveReference.ts";
import { gzippedSize } from "./gzippedSize.ts";

export interface PageWeight {
  /** Gzipped HTML, or its raw size when `exact` is false (an upper bound, to skip compressing). */
  html: number;
  /** Stylesheets the page loads, gzipped. */
  css: number;
  /** Everything else it loads before search is used: scripts, images, fonts (gzipped when text). */
  other: number;
  total: number;
}

/**
 * What a reader downloads to see the page, as transferred (text gzipped). The search index
 * (/pagefind/) is excluded: it is fetched only when someone searches.
 * With `exact` false the HTML is counted raw, an upper bound that spares a gzip per page.
 */
export function pageWeight(page: ScannedPage, site: SiteContext, exact: boolean): PageWeight {
  const html = exact ? gzippedSize(page.html) : page.bytes;
  const loaded = new Set<string>();
  const stylesheets = new Set<string>();
  for (const reference of page.facts.references) {
    if (reference.kind !== "resource") continue;
    const resolved = resolveReference(reference.url, page.url, site);
    if (resolved.kind !== "internal" || resolved.file === undefined) continue;
    if (PRODUCED_AFTER_GATES.some((prefix) => resolved.pathname.startsWith(prefix))) continue;
    loaded.add(resolved.file);
    if (resolved.file.endsWith(".css")) stylesheets.add(resolved.file);
  }
  for (const sheet of stylesheets) for (const file of site.cssDependencies.get(sheet) ?? []) loaded.add(file);
  let css = 0;
  let other = 0;
  for (const file of loaded) {
    const size = site.gzippedAssets.get(file) ?? site.files.get(file) ?? 0;
    if (stylesheets.has(file)) css += size;
    else other += size;
  }
  return { html, css, other, total: html + css + other };
}
