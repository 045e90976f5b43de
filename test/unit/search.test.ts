import { mkdtemp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { buildLevelModel } from "../../scripts/level/levelModel.ts";
import type { LevelMeaning, LevelNumber } from "../../scripts/level/types.ts";
import { assessmentRecord } from "../../scripts/search/assessmentRecord.ts";
import { indexSearch } from "../../scripts/search/indexSearch.ts";
import { planSearchShards } from "../../scripts/search/searchShards.ts";
import { levelLabel } from "../../scripts/level/levelLabel.ts";
import { pagefindSort, readSearchState, searchStateQuery } from "../../site/assets/js/searchState.js";
import meaningsFile from "../../_data/levelMeanings.json" with { type: "json" };

const meanings = Object.fromEntries(meaningsFile.levels.map((m) => [m.level, m])) as unknown as Record<LevelNumber, LevelMeaning>;
const model = buildLevelModel(
  [
    { date: "2022-03-13", level: 3, reason: "War in Europe." },
    { date: "2022-09-29T14:30:00Z", level: 4, reason: "Mobilisation." },
  ],
  meanings,
);

describe("search records", () => {
  it("names a level by number and colour word", () => {
    expect(levelLabel(3, meanings)).toBe("DEFCON 3 Yellow");
  });

  it("makes each assessment a result linking to its entry on /history/, with level and year filters", () => {
    const record = assessmentRecord(model.history[1]!, meanings);
    expect(record.url).toBe("/history/#assessment-2022-09-29-1430");
    expect(record.filters).toEqual({ level: ["DEFCON 4 Blue"], year: ["2022"] });
    expect(record.sort).toEqual({ date: "2022-09-29T14:30:00Z" });
    expect(record.meta?.["title"]).toBe("Level lowered: DEFCON 4 Blue, Thursday 29 September 2022, 14:30 UTC");
    expect(record.content).toContain("Mobilisation.");
  });
});

describe("the search page's URL state", () => {
  it("reads query, known filters (repeatable) and order, ignoring the rest", () => {
    expect(readSearchState("?q=+korea+&region=Asia-Pacific&region=Global&year=2024&colour=red&sort=date:desc")).toEqual({
      q: "korea",
      filters: { region: ["Asia-Pacific", "Global"], year: ["2024"] },
      sort: "date:desc",
    });
    expect(readSearchState("?sort=title:asc")).toEqual({ q: "", filters: {}, sort: "" });
  });

  it("writes a state back to the same query, and nothing for an empty search", () => {
    const query = searchStateQuery({ q: "korea", filters: { level: ["DEFCON 4 Blue"], region: "Global" }, sort: "date:asc" });
    expect(query).toBe("?q=korea&region=Global&level=DEFCON+4+Blue&sort=date%3Aasc");
    expect(readSearchState(query)).toEqual({ q: "korea", filters: { region: ["Global"], level: ["DEFCON 4 Blue"] }, sort: "date:asc" });
    expect(searchStateQuery({ q: "  ", filters: { year: [] } })).toBe("");
  });

  it("turns an order into Pagefind's sort option", () => {
    expect(pagefindSort("date:desc")).toEqual({ date: "desc" });
    expect(pagefindSort("")).toEqual({});
  });
});

describe("indexSearch, with Pagefind's Node API", () => {
  it("indexes analyses and assessments only, not other pages", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "defcon-search-"));
    try {
      const page = (body: string) => `<!doctype html><html lang="en"><body><nav>Menu</nav>${body}</body></html>`;
      await mkdir(path.join(dir, "articles/one"), { recursive: true });
      await mkdir(path.join(dir, "about"), { recursive: true });
      await writeFile(path.join(dir, "articles/one/index.html"), page('<article data-pagefind-body><h1>One</h1><p>Text.</p></article>'));
      await writeFile(path.join(dir, "about/index.html"), page('<article data-pagefind-body><h1>About</h1></article>'));
      await writeFile(path.join(dir, "articles/index.html"), page('<main data-pagefind-body><h1>Archive</h1></main>'));
      const shards = planSearchShards({ analyses: [{ slug: "one", date: "2024-01-01" }], assessments: model.history });
      const report = await indexSearch(dir, model, shards);
      expect(report).toEqual({ pages: 1, assessments: 2, shards: 1 });
      const written = await readdir(path.join(dir, "pagefind"));
      expect(written).toEqual(expect.arrayContaining(["pagefind.js", "pagefind-component-ui.js", "pagefind-entry.json"]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("indexSearch, in shards", () => {
  it("writes one bundle per shard; the first holds the runtime, the others only their index", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "defcon-search-"));
    try {
      const page = (title: string) =>
        `<!doctype html><html lang="en"><body><article data-pagefind-body><h1>${title}</h1><p>Deterrence and treaties.</p></article></body></html>`;
      const analyses = ["one", "two", "three"].map((slug, i) => ({ slug, date: `2024-01-0${i + 1}` }));
      for (const { slug } of analyses) {
        await mkdir(path.join(dir, "articles", slug), { recursive: true });
        await writeFile(path.join(dir, "articles", slug, "index.html"), page(slug));
      }
      const shards = planSearchShards({ analyses, assessments: model.history }, 2);
      expect(shards.map((s) => s.dir)).toEqual(["pagefind", "pagefind/shard-1", "pagefind/shard-2"]);
      const report = await indexSearch(dir, model, shards);
      expect(report).toEqual({ pages: 3, assessments: 2, shards: 3 });
      expect(await readdir(path.join(dir, "pagefind"))).toEqual(expect.arrayContaining(["pagefind.js", "wasm.en.pagefind", "shard-1", "shard-2"]));
      for (const shard of ["shard-1", "shard-2"]) {
        const kept = (await readdir(path.join(dir, "pagefind", shard))).map((name) => name.replace(/_[0-9a-f]+\.pf_meta$/, "_*.pf_meta")).sort();
        // "filter/" only when the shard's records have filters (these pages have none).
        expect(kept.filter((name) => name !== "filter")).toEqual(["fragment", "index", "pagefind-entry.json", "pagefind.en_*.pf_meta"]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("leaves no listener on the build's stop signal per shard: 13 shards, as at 20,000 analyses, print no warning", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "defcon-search-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const analyses = Array.from({ length: 13 }, (_, i) => ({ slug: `a${i}`, date: `2024-01-${String(i + 1).padStart(2, "0")}` }));
    for (const { slug } of analyses) {
      await mkdir(path.join(dir, "articles", slug), { recursive: true });
      await writeFile(path.join(dir, "articles", slug, "index.html"), `<!doctype html><html lang="en"><body><article data-pagefind-body><h1>${slug}</h1></article></body></html>`);
    }
    const shards = planSearchShards({ analyses, assessments: [] }, 1);
    expect(shards).toHaveLength(13);
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    onTestFinished(() => void process.off("warning", onWarning));
    const stop = new AbortController();
    await indexSearch(dir, { history: [], meanings: {} } as never, shards, stop.signal);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
  });

  it("fails at the first shard that cannot be written, naming its folder, and ends the others", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "defcon-search-"));
    try {
      const analyses = ["one", "two", "three", "four"].map((slug, i) => ({ slug, date: `2024-01-0${i + 1}` }));
      for (const { slug } of analyses) {
        await mkdir(path.join(dir, "articles", slug), { recursive: true });
        await writeFile(path.join(dir, "articles", slug, "index.html"), `<!doctype html><html lang="en"><body><article data-pagefind-body><h1>${slug}</h1></article></body></html>`);
      }
      // A file where the second shard's folder must go.
      await mkdir(path.join(dir, "pagefind"));
      await writeFile(path.join(dir, "pagefind/shard-1"), "in the way");
      const shards = planSearchShards({ analyses, assessments: [] }, 1);
      await expect(indexSearch(dir, { history: [], meanings: {} } as never, shards)).rejects.toThrow(/Pagefind could not write the search index into .*pagefind\/shard-1\//);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("stops when the build stops it, and writes nothing", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "defcon-search-"));
    try {
      await mkdir(path.join(dir, "articles/one"), { recursive: true });
      await writeFile(path.join(dir, "articles/one/index.html"), '<!doctype html><html lang="en"><body><article data-pagefind-body><h1>One</h1></article></body></html>');
      const shards = planSearchShards({ analyses: [{ slug: "one", date: "2024-01-01" }], assessments: model.history }, 1);
      const stop = new AbortController();
      const indexing = indexSearch(dir, model, shards, stop.signal);
      stop.abort();
      await expect(indexing).rejects.toThrow();
      expect(await readdir(dir)).toEqual(["articles"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
