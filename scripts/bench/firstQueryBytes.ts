/**
 * What a reader's first search costs, measured in Chromium on a built site: the bytes of every
 * response from opening /search/?q=<query> until its results are on screen and the network is
 * idle (no service worker, no HTTP cache), and then how long typed queries take to show results.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { brotliCompressSync } from "node:zlib";
import { launchChromium } from "../preview/chromium.ts";
import { createStaticServer, listen } from "../preview/staticServer.ts";
import { kib, markdownTable, milliseconds } from "./markdownTable.ts";
import { median } from "./statistics.ts";

export interface ServedBytes {
  files: number;
  /** Bytes of the files as they are on disk. */
  raw: number;
  /** Bytes on the wire from Netlify (see servedSize). */
  served: number;
}

export interface TypedQuery {
  query: string;
  /** From the input event to the changed result list on screen; undefined if it never changed. */
  ms: number | undefined;
}

export interface FirstQuery {
  query: string;
  /** By category (CATEGORIES' order), only those that had a response. */
  categories: Map<string, ServedBytes>;
  total: ServedBytes;
  typed: TypedQuery[];
}

const CATEGORIES = {
  page: "the page (HTML, CSS, site JS)",
  runtime: "Pagefind runtime (JS, worker, WebAssembly, component UI)",
  index: "index chunks, filters, metadata",
  fragments: "fragments (excerpts of shown results)",
} as const;

/** The search bundle's files, in /pagefind/ or in a shard of it, /pagefind/shard-<n>/. */
const BUNDLE = String.raw`^/pagefind/(?:shard-\d+/)?`;

function category(urlPath: string): string {
  if (new RegExp(`${BUNDLE}fragment/`).test(urlPath)) return CATEGORIES.fragments;
  if (new RegExp(`${BUNDLE}(?:index|filter)/`).test(urlPath) || new RegExp(`${BUNDLE}[^/]*(?:\\.pf_meta|pagefind-entry\\.json)$`).test(urlPath)) {
    return CATEGORIES.index;
  }
  if (/^\/pagefind\//.test(urlPath)) return CATEGORIES.runtime;
  return CATEGORIES.page;
}

/** Pagefind's index and WebAssembly files are gzip-compressed already; Netlify sends them as they are. */
const PRECOMPRESSED = /\.pf_(?:meta|index|fragment|filter)$|\/wasm\.[^/]*\.pagefind$/;
/** Responses Netlify compresses with Brotli for a browser that accepts it. */
const TEXT = /\.(?:html|css|js|mjs|json|svg|xml|xsl|txt|webmanifest)$/;

/** The bytes Netlify sends for a file: Brotli (quality 11, Node's default) for text, others as they are. */
export function servedSize(file: string, body: Buffer): number {
  if (PRECOMPRESSED.test(file) || !TEXT.test(file)) return body.length;
  return brotliCompressSync(body).length;
}

/**
 * The result list as a string: its links in order, "" while empty. Page code is passed as source
 * text: tsx would wrap a function's source in helpers that the page does not have.
 */
const RESULT_LINKS = `[...document.querySelectorAll("pagefind-results a.pf-result-link")].map((a) => a.getAttribute("href")).join(" ")`;

/**
 * Opens `/search/?q=<query>` on `siteDir` served locally, and adds up every response until the
 * results are shown and the network is idle; then types each of `typedQueries` into the search
 * box and times it. Pagefind's debounce (the search box's `debounce` attribute) is part of that
 * time, as it is for a reader.
 */
export async function measureFirstQuery(siteDir: string, query: string, typedQueries: readonly string[] = []): Promise<FirstQuery> {
  const server = createStaticServer({ root: siteDir });
  const origin = await listen(server);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 1600 } });
    const page = await context.newPage();
    const counted = new Map<string, ServedBytes>();
    const reading: Promise<void>[] = [];
    let counting = true;
    let inFlight = 0;
    page.on("request", () => inFlight++);
    page.on("requestfailed", () => inFlight--);
    page.on("requestfinished", (request) => {
      inFlight--;
      if (!counting) return;
      reading.push(
        (async () => {
          const urlPath = new URL(request.url()).pathname;
          const file = urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath;
          const body = await readFile(path.join(siteDir, decodeURIComponent(file))).catch(() => Buffer.alloc(0));
          const entry = counted.get(category(urlPath)) ?? { files: 0, raw: 0, served: 0 };
          entry.files++;
          entry.raw += body.length;
          entry.served += servedSize(file, body);
          counted.set(category(urlPath), entry);
        })(),
      );
    });
    /**
     * Results are added one by one as their excerpts arrive, after the first is on screen: done
     * when no request is under way and the list has not changed for half a second. (Playwright's
     * "networkidle" is reached once per page load, so it cannot tell this for a later query.)
     */
    const settled = async () => {
      let links = "";
      for (let quiet = 0; quiet < 5; ) {
        await page.waitForTimeout(100);
        const now = (await page.evaluate(RESULT_LINKS)) as string;
        quiet = inFlight === 0 && now === links ? quiet + 1 : 0;
        links = now;
      }
      return links;
    };

    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector("pagefind-results a.pf-result-link", { timeout: 120_000 });
    let shownLinks = await settled();
    counting = false;
    await Promise.all(reading);

    // The moment of the last input event, kept in the page so that no round trip is timed.
    await page.evaluate(`document.addEventListener("input", () => (window.typedAt = performance.now()), true)`);
    const typed: TypedQuery[] = [];
    for (const word of typedQueries) {
      await page.locator("pagefind-input input").fill(word);
      // The first result of the new search on screen: Pagefind empties the list while it
      // searches, and its summary then names the words searched for.
      const shown = `(() => {
        const links = ${RESULT_LINKS};
        const summary = document.querySelector("pagefind-summary")?.textContent ?? "";
        return links !== "" && links !== ${JSON.stringify(shownLinks)} && summary.includes(${JSON.stringify(word)}) && !/searching/i.test(summary)
          ? performance.now() - window.typedAt
          : false;
      })()`;
      const ms = await page
        .waitForFunction(shown, undefined, { polling: "raf", timeout: 30_000 })
        .then((handle) => handle.jsonValue() as Promise<number>)
        .catch(() => undefined);
      typed.push({ query: word, ms });
      shownLinks = await settled();
    }

    const categories = new Map<string, ServedBytes>();
    for (const name of Object.values(CATEGORIES)) {
      const entry = counted.get(name);
      if (entry) categories.set(name, entry);
    }
    const total = [...categories.values()].reduce((sum, e) => ({ files: sum.files + e.files, raw: sum.raw + e.raw, served: sum.served + e.served }), {
      files: 0,
      raw: 0,
      served: 0,
    });
    return { query, categories, total, typed };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The first query's bytes by category, as a Markdown table. */
export function firstQueryTable(result: FirstQuery): string {
  const rows = [...result.categories].map(([name, e]) => [name, String(e.files), `${kib(e.raw)} KiB`, `${kib(e.served)} KiB`]);
  rows.push(["**total**", String(result.total.files), `${kib(result.total.raw)} KiB`, `${kib(result.total.served)} KiB`]);
  return markdownTable(
    [{ title: `first query "${result.query}"`, align: "left" }, { title: "files" }, { title: "bytes" }, { title: "as Netlify serves them (Brotli for text)" }],
    rows,
  );
}

/** The median time from typing to results, with each query's time. */
export function typedQueriesSummary(typed: readonly TypedQuery[]): { medianMs: number; each: string } {
  const times = typed.flatMap((t) => (t.ms === undefined ? [] : [t.ms]));
  return {
    medianMs: median(times),
    each: typed.map((t) => `${t.query} ${t.ms === undefined ? "no change in 30 s" : `${milliseconds(t.ms)} ms`}`).join(", "),
  };
}
