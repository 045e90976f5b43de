import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analysisFileText } from "../../scripts/cli/analysisFileText.ts";
import { parseFrontMatter } from "../../scripts/content/frontMatter.ts";
import { findInvisibleCharacter } from "../../scripts/content/invisibleCharacter.ts";
import { PLACEHOLDER_BODY, PLACEHOLDER_SUMMARY } from "../../scripts/content/placeholderText.ts";
import { validateAnalysis } from "../../scripts/content/validateAnalysis.ts";
import { PROJECT_ROOT } from "../helpers/projectRoot.ts";

const schema = JSON.parse(readFileSync(`${PROJECT_ROOT}/_data/article.schema.json`, "utf8"));
const regions = new Set(["Asia-Pacific", "Eastern Europe"]);
const NOW = new Date("2026-06-01T00:00:00Z");
const frontOf = (text: string) => parseFrontMatter(text)?.data as Record<string, unknown>;

describe("the file npm run new writes", () => {
  it("is a draft with the placeholders, its regions as a list", () => {
    const text = analysisFileText({ title: "Korea", date: "2026-05-01", regions: ["Asia-Pacific", "Eastern Europe"] });
    expect(frontOf(text)).toEqual({
      title: "Korea",
      date: "2026-05-01",
      summary: PLACEHOLDER_SUMMARY,
      regions: ["Asia-Pacific", "Eastern Europe"],
      draft: true,
    });
    expect(parseFrontMatter(text)?.body.trim()).toBe(PLACEHOLDER_BODY);
    expect(frontOf(analysisFileText({ title: "Korea", date: "2026-05-01", regions: [] }))).not.toHaveProperty("regions");
  });

  it("passes the build's validator as it is", () => {
    const text = analysisFileText({ title: "Korea", date: "2026-05-01", regions: ["Eastern Europe"] });
    const result = validateAnalysis("site/articles/korea.md", text, schema, regions, NOW);
    expect(result.problems).toEqual([]);
    expect(result.analysis?.draft).toBe(true);
  });

  it("reads back titles with colons, quotes, hashes, backslashes and YAML's own words exactly", () => {
    for (const title of ['Korea: "Tests" Resume', "It's # not a comment", "C:\\path\\n", "- a list?", "yes", "null", "2024-01-01", "@tag", "{ braces }", "— ‘quoted’ 北朝鮮 🚀"]) {
      expect(frontOf(analysisFileText({ title, date: "2026-05-01", regions: [] })).title).toBe(title);
    }
  });

  it("reads back any one-line title that is text", () => {
    const oneLineText = fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }).filter((s) => !/[\r\n\u2028\u2029]/.test(s) && findInvisibleCharacter(s) === undefined);
    fc.assert(
      fc.property(oneLineText, (title) => {
        expect(frontOf(analysisFileText({ title, date: "2026-05-01", regions: [] })).title).toBe(title);
      }),
      { numRuns: 500 },
    );
  });
});
