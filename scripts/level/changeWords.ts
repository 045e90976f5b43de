import type { LevelChange } from "./types.ts";

/** How an assessment's change of level is said, in each place that says it. */
export interface ChangeWords {
  /** The category word: "Raised", "Lowered", "Kept", "First". */
  word: string;
  /** A search result's opening: "Level raised", "First assessment". */
  headline: string;
  /** A feed entry's first sentence: "Raised from DEFCON 5 Green to DEFCON 4 Blue." */
  sentence: string;
  /** The history table: "Raised from DEFCON 5 Green", "Kept at DEFCON 4", "First assessment". */
  fromPrevious: string;
  /** Completes "the assessment of <day>: …" on an analysis: "level raised to DEFCON 4 Blue". */
  toLevel: string;
  /** A chart marker's name: "Raised to DEFCON 4 Blue", "First assessment: DEFCON 5 Green". */
  marker: string;
  /** Shown beside the words where a change is drawn (never alone): ▲ raised, ▼ lowered. */
  symbol: string;
}

/**
 * The one place where "raised", "lowered", "kept" and "first" become words; the level model
 * prepares them for every assessment (`assessment.changeWords`). `label` is "DEFCON 4 Blue",
 * `number` is "DEFCON 4", `previous` the label of the assessment before.
 */
export function changeWords(change: LevelChange, label: string, number: string, previous: string | undefined): ChangeWords {
  switch (change) {
    case "raised":
    case "lowered": {
      const word = change === "raised" ? "Raised" : "Lowered";
      return {
        word,
        headline: `Level ${change}`,
        sentence: `${word} from ${previous} to ${label}.`,
        fromPrevious: `${word} from ${previous}`,
        toLevel: `level ${change} to ${label}`,
        marker: `${word} to ${label}`,
        symbol: change === "raised" ? "▲" : "▼",
      };
    }
    case "kept":
      return {
        word: "Kept",
        headline: "Level kept",
        sentence: `Kept at ${label}.`,
        fromPrevious: `Kept at ${number}`,
        toLevel: `level kept at ${label}`,
        marker: `Kept at ${label}`,
        symbol: "",
      };
    case "first":
      return {
        word: "First",
        headline: "First assessment",
        sentence: `First assessment on record: ${label}.`,
        fromPrevious: "First assessment",
        toLevel: `first assessment at ${label}`,
        marker: `First assessment: ${label}`,
        symbol: "◆",
      };
  }
}
