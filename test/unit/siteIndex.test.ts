import { describe, expect, it } from "vitest";
import { buildSiteIndex, groupByYear } from "../../scripts/content/siteIndex.ts";
import type { AnalysisRecord } from "../../scripts/content/validateAnalysis.ts";

const rec = (slug: string, date: string, regions: string[] = []): AnalysisRecord => ({
  slug, date, regions, file: `site/articles/${slug}.md`, title: slug, summary: "s", draft: false, words: 100,
});
// Newest first, as loadContent returns them.
const analyses = [rec("c", "2025-02-01", ["Asia-Pacific"]), rec("b", "2024-12-01", ["Eastern Europe", "Asia-Pacific"]), rec("a", "2024-01-01")];

describe("buildSiteIndex", () => {
  const index = buildSiteIndex(analyses, [
    { name: "Asia-Pacific", description: "d" },
    { name: "Eastern Europe", description: "d" },
    { name: "Middle East", description: "d" },
  ]);

  it("gives each analysis its older and newer neighbour", () => {
    expect(index.neighbours.get("c")).toEqual({ previous: analyses[1] });
    expect(index.neighbours.get("b")).toEqual({ previous: analyses[2], next: analyses[0] });
    expect(index.neighbours.get("a")).toEqual({ next: analyses[1] });
  });

  it("lists each region's analyses newest first, with its address", () => {
    const asia = index.regionByName.get("Asia-Pacific")!;
    expect(asia.url).toBe("/regions/asia-pacific/");
    expect(asia.analyses.map((a) => a.slug)).toEqual(["c", "b"]);
    expect(index.regionByName.get("Middle East")!.analyses).toEqual([]);
  });
});

describe("groupByYear", () => {
  it("groups consecutive analyses by year, keeping order", () => {
    expect(groupByYear(analyses).map((g) => [g.year, g.analyses.map((a) => a.slug)])).toEqual([
      ["2025", ["c"]],
      ["2024", ["b", "a"]],
    ]);
  });
});
