import type { AssessmentInput } from "../level/types.ts";
import { tryParseAssessmentDate } from "../level/assessmentDate.ts";
import type { Problem } from "./problem.ts";
import { schemaProblems } from "./schemaProblems.ts";
import { describeValue } from "./describeValue.ts";
import { invisibleCharacterMessage } from "./invisibleCharacter.ts";

export interface LevelsResult {
  assessments: AssessmentInput[];
  problems: Problem[];
}

/**
 * Checks `_data/levels.json` against its JSON Schema, then what a schema cannot say:
 * that each date is a real day (not 2024-02-30) and not in the future.
 */
export function validateLevels(
  raw: unknown,
  schema: Record<string, unknown>,
  file: string,
  now: Date,
): LevelsResult {
  const entries = (raw as { assessments?: unknown[] } | null)?.assessments;
  const label = (index: number) => {
    const date = (entries?.[index] as { date?: unknown } | undefined)?.date;
    return `assessment #${index + 1}` + (typeof date === "string" && date.trim() !== "" ? ` (${date.length > 40 ? describeValue(date) : date})` : "");
  };
  const problems = schemaProblems(schema, raw, file, (path) =>
    path[0] === "assessments" && path[1] !== undefined ? label(Number(path[1])) : undefined,
  );
  if (problems.length > 0) return { assessments: [], problems };

  const assessments = (raw as { assessments: AssessmentInput[] }).assessments;
  assessments.forEach((assessment, index) => {
    for (const [field, value] of Object.entries(assessment)) {
      const message = typeof value === "string" ? invisibleCharacterMessage(value, "value") : undefined;
      if (message) problems.push({ file, entry: label(index), field, message });
    }
    const when = tryParseAssessmentDate(assessment.date);
    if (when === undefined) {
      problems.push({
        file,
        entry: label(index),
        field: "date",
        message: `${JSON.stringify(assessment.date)} is not a real calendar date or time`,
      });
    } else if (when.instant.getTime() > now.getTime()) {
      problems.push({
        file,
        entry: label(index),
        field: "date",
        message: `${JSON.stringify(assessment.date)} is in the future; an assessment is recorded once it is issued`,
      });
    }
  });
  return { assessments: problems.length ? [] : assessments, problems };
}
