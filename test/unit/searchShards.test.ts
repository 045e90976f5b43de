import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planSearchShards, type SearchShard } from "../../scripts/search/searchShards.ts";
import { mergedBundles, orderAcrossShards } from "../../site/assets/js/searchShards.js";

/** A record's date by its key: analyses by slug, assessments as "#<index>". */
function datesOf(input: { analyses: { slug: string; date: string }[]; assessments: { date: string }[] }): Map<string, string> {
  return new Map([...input.analyses.map((a) => [a.slug, a.date] as const), ...input.assessments.map((a, i) => [`#${i}`, a.date] as const)]);
}

function keysOf(shard: SearchShard): string[] {
  return [...shard.analysisSlugs, ...shard.assessmentIndexes.map((i) => `#${i}`)];
}

/**
 * What Pagefind does with a date-sorted search over merged bundles, as its source does it
 * (pagefind_web/src/lib.rs `search`, pagefind.js `Pagefind.search`): each shard sorts its records
 * by the sort value compared as bytes, scores each matching result by its position in that order
 * (negated for "asc"), and the merged results are the shards' results in bundle order, sorted by
 * score, highest first, with a stable sort.
 */
function pagefindMergedSort(shards: SearchShard[], dates: Map<string, string>, matches: Set<string>, direction: "asc" | "desc") {
  const perShard = shards.map((shard) => {
    const sorted = keysOf(shard)
      .map((key, insertion) => ({ key, insertion }))
      .sort((a, b) => (dates.get(a.key)! < dates.get(b.key)! ? -1 : dates.get(a.key)! > dates.get(b.key)! ? 1 : a.insertion - b.insertion));
    return sorted
      .map(({ key }, position) => ({ key, score: direction === "asc" ? 0 - position : position }))
      .filter((r) => matches.has(r.key))
      .sort((a, b) => b.score - a.score);
  });
  return perShard.flat().sort((a, b) => b.score - a.score);
}

const day = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(1984, 0, 1 + d * 97)).toISOString().slice(0, 10));
const corpus = fc.record({
  analyses: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 40 }).chain((slugs) =>
    fc.tuple(...slugs.map((slug) => day.map((date) => ({ slug, date })))),
  ),
  assessments: fc.array(fc.oneof(day, day.map((d) => `${d}T12:00:00Z`)).map((date) => ({ date })), { maxLength: 20 }),
});

describe("the search index's shards", () => {
  it("takes as many shards as the words need, when the analyses are long, and as the records need otherwise", () => {
    const analyses = (words: number) => Array.from({ length: 10 }, (_, i) => ({ slug: `a${i}`, date: `2024-01-${String(i + 1).padStart(2, "0")}`, words }));
    // 10 analyses of 1,000 words with room for 3,000 words a shard: four shards, not one.
    expect(planSearchShards({ analyses: analyses(1000), assessments: [] }, 100, 3000)).toHaveLength(4);
    // Short ones: the records decide.
    expect(planSearchShards({ analyses: analyses(10), assessments: [{ date: "2024-02-01" }] }, 4, 3000)).toHaveLength(3);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1000, max: 20000 }), (sizes, records, words) => {
        const input = { analyses: sizes.map((w, i) => ({ slug: `a${i}`, date: "2024-01-01", words: w })), assessments: [] };
        const total = sizes.reduce((sum, w) => sum + w, 0);
        const shards = planSearchShards(input, records, words);
        expect(shards).toHaveLength(Math.max(1, Math.min(sizes.length, Math.max(Math.ceil(sizes.length / records), Math.ceil(total / words)))));
        if (sizes.length > 0) expect(shards.every((shard) => shard.analysisSlugs.length > 0)).toBe(true);
      }),
    );
  });

  it("is one bundle, /pagefind/, up to the size of a shard", () => {
    const shards = planSearchShards({ analyses: [{ slug: "a", date: "2024-01-01" }], assessments: [{ date: "2024-01-02" }] }, 2);
    expect(shards).toEqual([{ dir: "pagefind", url: "/pagefind/", analysisSlugs: ["a"], assessmentIndexes: [0] }]);
  });

  it("deals every record to exactly one shard, none larger than the limit, sizes within one of each other", () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 1, max: 9 }), (input, size) => {
        const shards = planSearchShards(input, size);
        const keys = shards.flatMap(keysOf);
        expect(keys.sort()).toEqual([...datesOf(input).keys()].sort());
        const sizes = shards.map((s) => keysOf(s).length);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(size);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(shards.slice(1).map((s) => s.url)).toEqual(shards.slice(1).map((_, i) => `/pagefind/shard-${i + 1}/`));
      }),
    );
  });

  it("gives merged date-sorted results in date order, newest or oldest first, for any query's matches", () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 1, max: 9 }), fc.func(fc.boolean()), fc.constantFrom("asc", "desc"), (input, size, matchesKey, direction) => {
        const dates = datesOf(input);
        const matches = new Set([...dates.keys()].filter((key) => matchesKey(key)));
        const merged = pagefindMergedSort(planSearchShards(input, size), dates, matches, direction as "asc" | "desc");
        const ordered = orderAcrossShards(merged, { date: direction }).map((r) => dates.get(r.key)!);
        const expected = [...matches].map((key) => dates.get(key)!).sort();
        expect(ordered).toEqual(direction === "asc" ? expected : expected.reverse());
      }),
    );
  });

  it("is needed: without it, newest first across shards is out of order", () => {
    const input = { analyses: ["a", "b", "c", "d"].map((slug, i) => ({ slug, date: `2024-01-0${i + 1}` })), assessments: [] };
    const dates = datesOf(input);
    const merged = pagefindMergedSort(planSearchShards(input, 2), dates, new Set(dates.keys()), "desc");
    expect(merged.map((r) => r.key)).toEqual(["c", "d", "a", "b"]);
    expect(orderAcrossShards(merged, { date: "desc" }).map((r) => r.key)).toEqual(["d", "c", "b", "a"]);
  });

  it("leaves best-match results in Pagefind's order", () => {
    const results = [{ score: 3 }, { score: 3 }, { score: 1 }];
    expect(orderAcrossShards(results, {})).toBe(results);
    expect(orderAcrossShards(results, undefined)).toBe(results);
  });

  it("reads the merged bundles the page lists", () => {
    expect(mergedBundles("/pagefind/shard-1/ /pagefind/shard-2/")).toEqual([{ bundlePath: "/pagefind/shard-1/" }, { bundlePath: "/pagefind/shard-2/" }]);
    expect(mergedBundles(undefined)).toEqual([]);
    expect(mergedBundles("")).toEqual([]);
  });
});
