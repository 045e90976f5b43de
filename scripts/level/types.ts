/** The organisation's scale: 5 (Green, calm) down to 1 (Red, most severe). */
export type LevelNumber = 1 | 2 | 3 | 4 | 5;

export const LEVEL_NUMBERS: readonly LevelNumber[] = [5, 4, 3, 2, 1];

export function isLevelNumber(value: unknown): value is LevelNumber {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** One level as described in `_data/levelMeanings.json`. */
export interface LevelMeaning {
  level: LevelNumber;
  /** The condition colour word, e.g. "Green". Always shown beside the number. */
  colour: string;
  /** A few words, e.g. "Calm". */
  name: string;
  meaning: string;
  advice: string;
  /** The level's colours, the one source for the stylesheet, the chart and the badge. */
  swatch: { light: Swatch; dark: Swatch };
  /** When the next scheduled assessment is due while this level is in force (nextAssessment.ts). */
  cadence: Cadence;
}

/** A scheduled update on a day of each month, or a number of days after the last assessment. */
export type Cadence = { monthlyOnDay: number } | { everyDays: number };

/** A level's background colour and the text colour written on it, as #rrggbb. */
export interface Swatch {
  fill: string;
  text: string;
}

/** One entry of `_data/levels.json`, as the editor wrote it. */
export interface AssessmentInput {
  date: string;
  level: number;
  reason: string;
  article?: string;
}

export type LevelChange = "first" | "raised" | "lowered" | "kept";
import type { ChangeWords } from "./changeWords.ts";

/** An assessment after validation, placed in time and compared with the one before. */
export interface Assessment {
  /** The date as written in levels.json ("2025-09-08" or "2025-09-08T14:00:00Z"). */
  date: string;
  /** The instant it was issued; a date without a time means 00:00 UTC. */
  issued: Date;
  /** Whether the editor gave a time of day (otherwise only the date is shown). */
  hasTime: boolean;
  level: LevelNumber;
  colour: string;
  /** "DEFCON 4 Blue" (levelLabel.ts). */
  label: string;
  reason: string;
  article?: string;
  /** Stable fragment id on /history/, e.g. "assessment-2025-09-08" (see docs/content-model.md). */
  id: string;
  change: LevelChange;
  previousLevel?: LevelNumber;
  /** The previous assessment's label, e.g. "DEFCON 5 Green". */
  previousLabel?: string;
  /** The change said in words, for each place that says it (changeWords.ts). */
  changeWords: ChangeWords;
}
