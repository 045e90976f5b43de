import type { Problem } from "./problem.ts";

/**
 * The text `npm run new` writes where an editor has yet to write: a draft with it shows in
 * `npm start` as it is, but an analysis that still has it is never published (validateAnalysis).
 * Both are sentences no one would write on purpose, so matching them exactly is safe.
 */
export const PLACEHOLDER_SUMMARY = "Replace this placeholder with one or two sentences saying what the analysis concludes.";

export const PLACEHOLDER_BODY = "Replace this placeholder with the analysis, in Markdown. Use ## for section headings.";

/** The problems of a published (not draft) analysis that still holds a placeholder. */
export function placeholderProblems(file: string, summary: string, body: string): Problem[] {
  const problems: Problem[] = [];
  if (summary.trim() === PLACEHOLDER_SUMMARY) {
    problems.push({
      file,
      field: "summary",
      message: "is still the placeholder npm run new wrote; replace the placeholder summary with one or two sentences saying what the analysis concludes",
    });
  }
  if (body.includes(PLACEHOLDER_BODY)) {
    problems.push({ file, message: "still has the placeholder text npm run new wrote after the front matter; replace it with the analysis" });
  }
  return problems;
}
