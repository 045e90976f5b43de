import type { Assessment, LevelChange, LevelMeaning, LevelNumber } from "../level/types.ts";
import { DateTime } from "luxon";
import { readableDate } from "../text/dates.ts";
import { feedLevel } from "./levelLabel.ts";

type Meanings = Record<LevelNumber, LevelMeaning>;

/**
 * The organisation's formula: "DEFCON 4 Blue — assessment of 8 September 2025". The time is
 * added only when the editor gave one, so two assessments on one day stay distinguishable.
 */
export function assessmentTitle(assessment: Assessment, meanings: Meanings): string {
  const time = DateTime.fromJSDate(assessment.issued, { zone: "utc" }).toFormat(", HH:mm 'UTC'");
  const when = readableDate(assessment.issued) + (assessment.hasTime ? time : "");
  return `${feedLevel(assessment.level, meanings).label} — assessment of ${when}`;
}

/** "Raised from DEFCON 5 Green to DEFCON 4 Blue." and the like. */
export function changeSentence(assessment: Assessment, meanings: Meanings): string {
  const now = feedLevel(assessment.level, meanings).label;
  const before = assessment.previousLevel === undefined ? undefined : feedLevel(assessment.previousLevel, meanings).label;
  switch (assessment.change) {
    case "raised":
      return `Raised from ${before} to ${now}.`;
    case "lowered":
      return `Lowered from ${before} to ${now}.`;
    case "kept":
      return `Kept at ${now}.`;
    case "first":
      return `First assessment on record: ${now}.`;
  }
}

/** The category word for a change: "Raised", "Lowered", "Kept", "First". */
export function changeWord(change: LevelChange): string {
  return change.charAt(0).toUpperCase() + change.slice(1);
}
