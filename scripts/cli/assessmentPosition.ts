import { tryParseAssessmentDate } from "../level/assessmentDate.ts";

/**
 * Where a new assessment goes in `_data/levels.json`'s list, which editors keep oldest first:
 * after the last entry issued at or before it. The file stays in date order, and on a moment
 * that already has an entry (two on one day without a time) the new one counts as the later,
 * as the build reads entries at one moment in the file's order. A date that cannot be read goes
 * last (validation then refuses it anyway).
 */
export function assessmentPosition(entries: readonly { date?: unknown }[], date: string): number {
  const issued = tryParseAssessmentDate(date)?.instant.getTime();
  if (issued === undefined) return entries.length;
  let position = 0;
  entries.forEach((entry, index) => {
    const when = typeof entry.date === "string" ? tryParseAssessmentDate(entry.date)?.instant.getTime() : undefined;
    if (when !== undefined && when <= issued) position = index + 1;
  });
  return position;
}
