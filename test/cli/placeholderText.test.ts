import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analysisFileText } from "../../scripts/cli/analysisFileText.ts";
import { PLACEHOLDER_BODY, PLACEHOLDER_SUMMARY } from "../../scripts/content/placeholderText.ts";
import { formatProblem } from "../../scripts/content/problem.ts";
import { validateAnalysis } from "../../scripts/content/validateAnalysis.ts";
import { PROJECT_ROOT } from "../helpers/projectRoot.ts";

const schema = JSON.parse(readFileSync(`${PROJECT_ROOT}/_data/article.schema.json`, "utf8"));
const NOW = new Date("2026-06-01T00:00:00Z");
const FILE = "site/articles/korea.md";
const draft = analysisFileText({ title: "Korea", date: "2026-05-01", regions: [] });
const published = draft.replace("draft: true\n", "");
const messages = (text: string) => validateAnalysis(FILE, text, schema, new Set(), NOW).problems.map(formatProblem);

describe("the placeholders npm run new writes", () => {
  it("are accepted in a draft, which npm start shows without a warning", () => {
    expect(messages(draft)).toEqual([]);
  });

  it("stop the analysis from being published once draft is removed, naming the file and the field", () => {
    expect(messages(published)).toEqual([
      `${FILE} › field "summary": is still the placeholder npm run new wrote; replace the placeholder summary with one or two sentences saying what the analysis concludes`,
      `${FILE}: still has the placeholder text npm run new wrote after the front matter; replace it with the analysis`,
    ]);
  });

  it("are each refused until replaced, the body's even when other text surrounds it", () => {
    const summaryWritten = published.replace(PLACEHOLDER_SUMMARY, "Tests resume on the peninsula.");
    expect(messages(summaryWritten)).toEqual([expect.stringContaining("placeholder text")]);
    expect(messages(summaryWritten.replace(PLACEHOLDER_BODY, `Intro.\n\n${PLACEHOLDER_BODY}\n\nMore.`))).toHaveLength(1);
    expect(messages(summaryWritten.replace(PLACEHOLDER_BODY, "The analysis."))).toEqual([]);
  });
});
