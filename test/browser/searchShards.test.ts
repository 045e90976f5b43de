import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { describeInBrowser, openChromium } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/projectRoot.ts";
import { seededRandom } from "../../scripts/bench/seededRandom.ts";
import { zipfSampler, zipfVocabulary } from "../../scripts/bench/zipfVocabulary.ts";
import { indexSearch } from "../../scripts/search/indexSearch.ts";
import { planSearchShards } from "../../scripts/search/searchShards.ts";
import { createStaticServer, listen } from "../../scripts/preview/staticServer.ts";
import type { LevelModel } from "../../scripts/level/levelModel.ts";

/**
 * The search index split into shards must answer as one index does. The same 480 pages of
 * Zipf-distributed prose (as real text is: a few frequent words, a long tail of rare ones) are
 * indexed twice by the build's own indexSearch, once as one bundle and once as two shards, and
 * queried in Chromium through Pagefind's own runtime, merged as the search page merges them.
 * DEFCON_SHARD_TEST_PAGES and DEFCON_SHARD_TEST_RECORDS run the same comparison at other sizes
 * (docs/search.md gives what it shows at the production shard size).
 */
const PAGES = Number(process.env["DEFCON_SHARD_TEST_PAGES"] || 480);
const SHARD_RECORDS = Number(process.env["DEFCON_SHARD_TEST_RECORDS"] || 240);
const REGIONS = ["Asia-Pacific", "Eastern Europe", "Middle East", "South Asia"];
const noAssessments = { history: [], meanings: {} } as unknown as Pick<LevelModel, "history" | "meanings">;

interface Answer {
  count: number;
  filters: Record<string, Record<string, number>>;
  /** Addresses of the first results, in order. */
  top: string[];
  /** Every result's address, when there are few enough to read them all. */
  all: string[] | null;
  /** Dates of the first results, for a sorted search. */
  dates: string[];
}

/** In the page: each query through Pagefind's runtime, ordered as search.js orders merged results. */
const HARNESS = `
import { orderAcrossShards } from "/searchShards.js";
window.ask = async ({ site, terms, sort, merged }) => {
  const pagefind = await import("/" + site + "/pagefind/pagefind.js");
  await pagefind.options({ excerptLength: 10 });
  if (site === "sharded" && !window.merged) {
    window.merged = true;
    for (const bundle of merged) await pagefind.mergeIndex(bundle);
  }
  const data = (list) => Promise.all(list.map((r) => r.data()));
  // Pagefind writes addresses relative to the folder its bundle is in: /one/articles/x/ is /articles/x/.
  const address = (url) => url.replace("/" + site + "/", "/");
  const answers = [];
  for (const term of terms) {
    const response = await pagefind.search(term, sort ? { sort } : {});
    const results = orderAcrossShards(response.results, sort);
    const top = await data(results.slice(0, 10));
    answers.push({
      count: results.length,
      filters: response.filters,
      top: top.map((d) => address(d.url)),
      all: results.length <= 60 ? (await data(results)).map((d) => address(d.url)) : null,
      dates: top.map((d) => d.meta.date ?? ""),
    });
  }
  return answers;
};
`;

/** Words of these frequency ranks are each the subject of three pages: the pages a reader wants first. */
const SUBJECT_RANKS = [150, 300, 600, 1200, 2500, 5000, 9000, 15000];
const PAGES_PER_SUBJECT = 3;

/**
 * The subject of page i, if it has one: three pages per subject, spread through the corpus (so,
 * through the shards), with the word in the title and eight times in the text. Other pages use it
 * only as often as Zipf's law draws it.
 */
function subjectOf(i: number, vocabulary: readonly string[]): string | undefined {
  const spacing = Math.floor(PAGES / (SUBJECT_RANKS.length * PAGES_PER_SUBJECT));
  if (i % spacing !== 0) return undefined;
  const rank = SUBJECT_RANKS[Math.floor(i / spacing) % SUBJECT_RANKS.length];
  return rank === undefined ? undefined : vocabulary[rank];
}

async function writeCorpus(site: string): Promise<{ analyses: { slug: string; date: string }[]; words: string[]; subjects: Map<string, string[]> }> {
  const next = seededRandom(2024);
  const vocabulary = zipfVocabulary(next);
  const word = zipfSampler(vocabulary, next);
  const analyses = [];
  const subjects = new Map<string, string[]>();
  for (let i = 0; i < PAGES; i++) {
    const slug = `analysis-${i}`;
    const date = new Date(Date.UTC(1984, 0, 1) + Math.floor(next() * 40 * 365) * 86_400_000).toISOString().slice(0, 10);
    const subject = subjectOf(i, vocabulary);
    if (subject) subjects.set(subject, [...(subjects.get(subject) ?? []), `/articles/${slug}/`]);
    const sentence = (about: boolean) => Array.from({ length: 60 }, word).join(" ") + (about && subject ? ` ${subject} ${subject}` : "");
    const paragraphs = Array.from({ length: 6 }, (_, p) => `<p>${sentence(p < 4)}.</p>`).join("");
    await mkdir(path.join(site, "articles", slug), { recursive: true });
    await writeFile(
      path.join(site, "articles", slug, "index.html"),
      `<!doctype html><html lang="en"><head><title>${slug}</title></head><body>` +
        `<article data-pagefind-body data-pagefind-filter="level:DEFCON ${1 + (i % 5)}"><h1>${[...Array.from({ length: 4 }, word), subject ?? word()].join(" ")}</h1>` +
        `<time datetime="${date}" data-pagefind-sort="date[datetime]" data-pagefind-meta="date[datetime]" data-pagefind-filter="year:${date.slice(0, 4)}">${date}</time>` +
        `<a href="/regions/" data-pagefind-filter="region">${REGIONS[i % REGIONS.length]}</a>${paragraphs}</article></body></html>`,
    );
    analyses.push({ slug, date });
  }
  // Queries across the range of frequencies: the commonest words, middling ones, rare ones, and pairs.
  const ranks = [0, 1, 3, 8, 20, 50, 120, 300, 700, 1500, 3000];
  const words = [...ranks.map((r) => vocabulary[r]!), `${vocabulary[2]} ${vocabulary[40]}`, `${vocabulary[5]} ${vocabulary[200]}`];
  return { analyses, words, subjects };
}

describeInBrowser("the search index in shards answers as one index", () => {
  let dir: string;
  let server: ReturnType<typeof createStaticServer>;
  let origin: string;
  let browser: Browser;
  let page: Page;
  let queries: string[];
  let subjects: Map<string, string[]>;
  let shardUrls: string[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "defcon-shards-"));
    const one = path.join(dir, "one");
    const sharded = path.join(dir, "sharded");
    const written = await writeCorpus(one);
    await writeCorpus(sharded);
    const { analyses } = written;
    queries = written.words;
    subjects = written.subjects;
    const whole = planSearchShards({ analyses, assessments: [] }, PAGES);
    const split = planSearchShards({ analyses, assessments: [] }, SHARD_RECORDS);
    expect(whole).toHaveLength(1);
    expect(split).toHaveLength(Math.ceil(PAGES / SHARD_RECORDS));
    await indexSearch(one, noAssessments, whole);
    await indexSearch(sharded, noAssessments, split);
    shardUrls = split.slice(1).map((shard) => `/sharded${shard.url}`);
    await copyFile(path.join(PROJECT_ROOT, "site/assets/js/searchShards.js"), path.join(dir, "searchShards.js"));
    await writeFile(path.join(dir, "harness.js"), HARNESS);
    await writeFile(
      path.join(dir, "index.html"),
      `<!doctype html><html lang="en"><head><title>Shards</title><script type="module" src="/harness.js"></script></head><body></body></html>`,
    );
    server = createStaticServer({ root: dir });
    origin = await listen(server);
    browser = await openChromium();
    page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => "ask" in window);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Runs each query on one bundle (`/one/`) or on the merged shards (`/sharded/`), with harness.js. */
  const ask = (site: "one" | "sharded", terms: string[], sort?: Record<string, string>): Promise<Answer[]> =>
    page.evaluate((args) => (window as unknown as { ask: (a: typeof args) => Promise<Answer[]> }).ask(args), { site, terms, sort, merged: shardUrls });

  it("finds the same pages with the same filter counts, for common and rare words", async () => {
    const one = await ask("one", queries);
    const sharded = await ask("sharded", queries);
    expect(one.every((a) => a.count > 0)).toBe(true);
    for (const [i, answer] of one.entries()) {
      expect(sharded[i]!.count, queries[i]).toBe(answer.count);
      expect(sharded[i]!.filters, queries[i]).toEqual(answer.filters);
      if (answer.all) expect([...sharded[i]!.all!].sort(), queries[i]).toEqual([...answer.all].sort());
    }
  });

  it("ranks as well: the pages about a word are among the first ten, as in one index", async () => {
    const words = [...subjects.keys()];
    expect(words.length).toBe(SUBJECT_RANKS.length);
    expect([...subjects.values()].every((pages) => pages.length === PAGES_PER_SUBJECT)).toBe(true);
    const one = await ask("one", words);
    const sharded = await ask("sharded", words);
    // Recall at ten: how many of the pages about the word are among the first ten results. Each
    // shard weighs a word by its own statistics, a few per cent apart, so pages whose scores are
    // that close may trade places; pages about the word must not drop out.
    const recall = (answers: Answer[]) => answers.map((a, i) => subjects.get(words[i]!)!.filter((url) => a.top.includes(url)).length / PAGES_PER_SUBJECT);
    const firstThree = (answers: Answer[]) => answers.map((a, i) => a.top.slice(0, PAGES_PER_SUBJECT).filter((url) => subjects.get(words[i]!)!.includes(url)).length);
    console.log(
      `search in shards (${PAGES} pages, ${SHARD_RECORDS} a shard): recall at 10, one index ${recall(one).join(" ")}; shards ${recall(sharded).join(" ")}; ` +
        `pages about the word in the first three, one index ${firstThree(one).join(" ")}; shards ${firstThree(sharded).join(" ")}`,
    );
    expect(recall(one).every((r) => r === 1)).toBe(true);
    expect(recall(sharded)).toEqual(recall(one));

    // For the record: how far the first ten results agree on plain queries, whose near-equal
    // scores either index may order differently (each shard's word statistics are a sample).
    const plainOne = await ask("one", queries);
    const plainSharded = await ask("sharded", queries);
    const overlaps = plainOne.map((answer, i) => answer.top.filter((url) => plainSharded[i]!.top.includes(url)).length / answer.top.length);
    console.log(`search in shards (${PAGES} pages, ${SHARD_RECORDS} a shard): first-ten overlap ${overlaps.map((o) => o.toFixed(1)).join(" ")}`);
  });

  it("orders by date, newest or oldest first, exactly as one index does", async () => {
    for (const sort of [{ date: "desc" }, { date: "asc" }]) {
      const one = await ask("one", queries, sort);
      const sharded = await ask("sharded", queries, sort);
      for (const [i, answer] of one.entries()) {
        expect(sharded[i]!.dates.join(" "), `${queries[i]} ${sort.date}`).toBe(answer.dates.join(" "));
        const sorted = [...answer.dates].sort();
        expect(answer.dates).toEqual(sort.date === "asc" ? sorted : sorted.reverse());
      }
    }
  });
});
