import { DateTime } from "luxon";

/** A calendar date, or a date-time in UTC ("Z") with optional seconds. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

export interface AssessmentDate {
  instant: Date;
  hasTime: boolean;
}

/**
 * Parses an assessment date strictly. Returns undefined for anything that is not a real
 * calendar date in one of the two accepted forms (so "2024-02-30" is refused, not rolled over).
 */
export function tryParseAssessmentDate(value: string): AssessmentDate | undefined {
  const hasTime = UTC_DATE_TIME.test(value);
  if (!hasTime && !DATE_ONLY.test(value)) return undefined;
  const parsed = DateTime.fromISO(value, { zone: "utc" });
  if (!parsed.isValid) return undefined;
  return { instant: parsed.toJSDate(), hasTime };
}

export function parseAssessmentDate(value: string): AssessmentDate {
  const parsed = tryParseAssessmentDate(value);
  if (parsed === undefined) throw new Error(`not a valid assessment date: ${JSON.stringify(value)}`);
  return parsed;
}
