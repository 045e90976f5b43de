import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ANALYSIS_ID_PATTERN, analysisEntryId, assessmentEntryId, feedId } from "../../scripts/feeds/entryId.ts";
import { assertUniqueEntryIds } from "../../scripts/feeds/uniqueEntryIds.ts";

describe("analysisEntryId", () => {
  it("is a tag URI from the fixed authority, the publication day and the slug", () => {
    expect(analysisEntryId({ slug: "china-russia-military-collaboration", date: "2024-06-10" })).toBe(
      "tag:defconwarningsystem.com,2024-06-10:analysis/china-russia-military-collaboration",
    );
  });

  it("does not depend on the title or on the site's URL, so editing either keeps it", () => {
    const before = { slug: "a", date: "2024-06-10", title: "Old title" };
    const after = { ...before, title: "New & better title" };
    process.env["URL"] = "https://deploy-preview-1--example.netlify.app";
    try {
      expect(analysisEntryId(after)).toBe(analysisEntryId(before));
      expect(analysisEntryId(after)).not.toContain("netlify");
    } finally {
      delete process.env["URL"];
    }
  });

  it("is pinned by feedId after a rename or a corrected date", () => {
    const first = analysisEntryId({ slug: "old-name", date: "2024-06-10" });
    expect(analysisEntryId({ slug: "new-name", date: "2024-06-11", feedId: first })).toBe(first);
  });

  it("always matches the pattern feedId front matter is validated against, here and in the schema", () => {
    const schema = JSON.parse(readFileSync("_data/article.schema.json", "utf8")) as { properties: { feedId: { pattern: string } } };
    const schemaPattern = new RegExp(schema.properties.feedId.pattern);
    for (const [slug, date] of [["a", "2024-06-10"], ["china-russia-military-collaboration", "1999-12-31"], ["x1-2y", "2025-01-01"]] as const) {
      const id = analysisEntryId({ slug, date });
      expect(id).toMatch(ANALYSIS_ID_PATTERN);
      expect(id).toMatch(schemaPattern);
    }
    for (const bad of ["tag:example.com,2024-06-10:analysis/a", "https://www.defconwarningsystem.com/articles/a/", "tag:defconwarningsystem.com,2024-06-10:analysis/Bad_Slug"]) {
      expect(bad).not.toMatch(ANALYSIS_ID_PATTERN);
      expect(bad).not.toMatch(schemaPattern);
    }
  });
});

describe("assessmentEntryId", () => {
  it("combines the day with the /history/ fragment id, which already tells same-day entries apart", () => {
    expect(assessmentEntryId({ date: "2025-09-08", id: "assessment-2025-09-08" })).toBe(
      "tag:defconwarningsystem.com,2025-09-08:level/assessment-2025-09-08",
    );
    expect(assessmentEntryId({ date: "2025-09-08T14:30:00Z", id: "assessment-2025-09-08-1430" })).toBe(
      "tag:defconwarningsystem.com,2025-09-08:level/assessment-2025-09-08-1430",
    );
  });
});

describe("feedId", () => {
  it("names each feed with the same authority", () => {
    expect(feedId("analyses")).toBe("tag:defconwarningsystem.com,2026:feed/analyses");
    expect(feedId("levels")).not.toBe(feedId("analyses"));
  });
});

describe("assertUniqueEntryIds", () => {
  it("accepts distinct ids", () => {
    expect(() => assertUniqueEntryIds([{ id: "a", file: "x.md" }, { id: "b", file: "y.md" }])).not.toThrow();
  });

  it("names both files and the field when two analyses share an id", () => {
    expect(() =>
      assertUniqueEntryIds([
        { id: "tag:t,2024-01-01:analysis/a", file: "site/articles/a.md" },
        { id: "tag:t,2024-01-01:analysis/a", file: "site/articles/b.md" },
      ]),
    ).toThrow(/^site\/articles\/b\.md: feed id "tag:t,2024-01-01:analysis\/a" is already the id of site\/articles\/a\.md \(field feedId\)/);
  });
});
