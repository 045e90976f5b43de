import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateLevels } from "../../scripts/content/validateLevels.ts";
import { validateAnalysis } from "../../scripts/content/validateAnalysis.ts";
import { formatProblem } from "../../scripts/content/problem.ts";
import { parseFrontMatter } from "../../scripts/content/frontMatter.ts";

const levelsSchema = JSON.parse(readFileSync("_data/levels.schema.json", "utf8"));
const analysisSchema = JSON.parse(readFileSync("_data/article.schema.json", "utf8"));
const NOW = new Date("2026-01-01T00:00:00Z");
const FILE = "_data/levels.json";
const regions = new Set(["Asia-Pacific", "Eastern Europe"]);

const messages = (raw: unknown) => validateLevels(raw, levelsSchema, FILE, NOW).problems.map(formatProblem);

describe("validateLevels", () => {
  it("accepts the project's own levels.json", () => {
    const raw = JSON.parse(readFileSync("_data/levels.json", "utf8"));
    expect(validateLevels(raw, levelsSchema, FILE, NOW).problems).toEqual([]);
  });

  it("names the entry, its date and the field for an impossible level", () => {
    expect(messages({ assessments: [{ date: "2020-01-01", level: 5, reason: "ok" }, { date: "2022-03-13", level: 7, reason: "x" }] })).toEqual([
      '_data/levels.json › assessment #2 (2022-03-13) › field "level": is out of range; found 7. Expected: a whole number from 1 (Red, most severe) to 5 (Green, calm)',
    ]);
  });

  it("reports a level given as text, and a missing reason", () => {
    const out = messages({ assessments: [{ date: "2020-01-01", level: "4" }] });
    expect(out).toContain('_data/levels.json › assessment #1 (2020-01-01) › field "reason": is required but missing. Expected: the organisation\'s short explanation of the assessment, in plain text');
    expect(out.some((m) => m.includes('field "level": must be a whole number; found "4"'))).toBe(true);
  });

  it("refuses dates that do not exist, in the wrong form, or in the future", () => {
    const out = messages({
      assessments: [
        { date: "2024-02-30", level: 4, reason: "a" },
        { date: "8 Sept 2025", level: 4, reason: "b" },
        { date: "2026-06-01", level: 4, reason: "c" },
        { date: "2024-05-01T12:00:00+02:00", level: 4, reason: "d" },
      ],
    });
    expect(out.some((m) => m.includes("assessment #2 (8 Sept 2025)") && m.includes("YYYY-MM-DD"))).toBe(true);
    expect(out.some((m) => m.includes("assessment #4") && m.includes('field "date"'))).toBe(true);
    // Schema errors come first; fix them and the calendar checks follow.
    const calendar = messages({
      assessments: [
        { date: "2024-02-30", level: 4, reason: "a" },
        { date: "2026-06-01", level: 4, reason: "c" },
      ],
    });
    expect(calendar).toEqual([
      '_data/levels.json › assessment #1 (2024-02-30) › field "date": "2024-02-30" is not a real calendar date or time',
      '_data/levels.json › assessment #2 (2026-06-01) › field "date": "2026-06-01" is in the future; an assessment is recorded once it is issued',
    ]);
  });

  it("catches a misspelt field and an empty history", () => {
    expect(messages({ assessments: [{ date: "2020-01-01", level: 5, reason: "r", artcle: "x" }] })).toEqual([
      '_data/levels.json › assessment #1 (2020-01-01) › field "artcle": is not a field this file knows (a typo?)',
    ]);
    expect(messages({ assessments: [] })[0]).toMatch(/field "assessments": needs at least 1 item/);
  });
});

const analysis = (front: string, body = "Text.") => `---\n${front}\n---\n\n${body}\n`;
const check = (text: string, file = "site/articles/some-analysis.md") =>
  validateAnalysis(file, text, analysisSchema, regions, NOW).problems.map(formatProblem);

describe("validateAnalysis", () => {
  const good = 'title: "T"\ndate: 2024-05-01\nsummary: "S."\nregions: [Asia-Pacific]';

  it("accepts a valid analysis and reads its fields", () => {
    const result = validateAnalysis("site/articles/some-analysis.md", analysis(good), analysisSchema, regions, NOW);
    expect(result.problems).toEqual([]);
    expect(result.analysis).toMatchObject({ slug: "some-analysis", date: "2024-05-01", regions: ["Asia-Pacific"], draft: false });
  });

  it("counts the words of its title, summary and text, which the search index holds in memory", () => {
    const text = analysis('title: "Three word title"\ndate: 2024-05-01\nsummary: "Two words."', "## A heading\n\nFive words\nacross\t two lines.\n");
    expect(validateAnalysis("site/articles/some-analysis.md", text, analysisSchema, regions, NOW).analysis?.words).toBe(3 + 2 + 3 + 5);
  });

  it("refuses a missing title instead of building silently", () => {
    expect(check(analysis('date: 2024-05-01\nsummary: "S."'))).toEqual([
      'site/articles/some-analysis.md › field "title": is required but missing. Expected: the headline of the analysis, as text',
    ]);
  });

  it("keeps an unquoted impossible date as the editor wrote it instead of rolling it over", () => {
    // js-yaml's default schema would read 2024-13-45 as 2025-02-14.
    expect(parseFrontMatter(analysis("date: 2024-13-45"))?.data).toEqual({ date: "2024-13-45" });
    expect(check(analysis('title: "T"\ndate: 2024-13-45\nsummary: "S."'))).toEqual([
      'site/articles/some-analysis.md › field "date": "2024-13-45" is not a real calendar date',
    ]);
  });

  it("reports malformed YAML with its line", () => {
    const [message] = check(analysis('title: "T"\ndate: 2024-05-01\nsummary: S: with a colon: here'));
    expect(message).toMatch(/^site\/articles\/some-analysis\.md: the front matter is not valid YAML at line 4/);
  });

  it("refuses an unknown region, naming the list position", () => {
    expect(check(analysis('title: "T"\ndate: 2024-05-01\nsummary: "S."\nregions: [Asia-Pacific, Eastern europe]'))).toEqual([
      'site/articles/some-analysis.md › field "regions[1]": "Eastern europe" is not a region in _data/regionList.json (known: Asia-Pacific, Eastern Europe); fix the spelling or add the region there',
    ]);
  });

  it("refuses a future date, a bad file name, no front matter, an empty body and unknown fields", () => {
    expect(check(analysis('title: "T"\ndate: 2026-02-01\nsummary: "S."'))[0]).toMatch(/is in the future; keep the analysis as draft: true/);
    expect(check(analysis(good), "site/articles/Bad Name.md")[0]).toMatch(/must be lowercase words joined by hyphens/);
    expect(check("Just text")[0]).toMatch(/has no front matter/);
    expect(check(analysis(good, ""))[0]).toMatch(/has no text after the front matter/);
    expect(check(analysis(`${good}\ntilte: "x"`))[0]).toMatch(/field "tilte": is not a field this file knows/);
  });

  it("requires draft to be true or false", () => {
    expect(check(analysis(`${good}\ndraft: "yes"`))[0]).toMatch(/field "draft": must be true or false; found "yes"/);
  });
});
