import type { Assessment } from "../level/types.ts";
import { DateTime } from "luxon";
import { readableDate } from "../text/dates.ts";

/**
 * The organisation's formula: "DEFCON 4 Blue — assessment of 8 September 2025". The time is
 * added only when the editor gave one, so two assessments on one day stay distinguishable.
 */
export function assessmentTitle(assessment: Assessment): string {
  const time = DateTime.fromJSDate(assessment.issued, { zone: "utc" }).toFormat(", HH:mm 'UTC'");
  const when = readableDate(assessment.issued) + (assessment.hasTime ? time : "");
  return `${assessment.label} — assessment of ${when}`;
}

/** "Raised from DEFCON 5 Green to DEFCON 4 Blue." and the like (scripts/level/changeWords.ts). */
export function changeSentence(assessment: Assessment): string {
  return assessment.changeWords.sentence;
}
