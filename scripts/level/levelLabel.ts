import type { LevelMeaning, LevelNumber } from "./types.ts";

/**
 * "DEFCON 4 Blue": how a level is named everywhere (pages, feeds, search filters, the API's
 * label), number and colour word together, so colour is never the only signal. The one place
 * that builds it; templates get it prepared (`assessment.label`) or through the `levelLabel` filter.
 */
export function levelLabel(level: LevelNumber, meanings: Record<LevelNumber, Pick<LevelMeaning, "colour">>): string {
  return `${levelNumberLabel(level)} ${meanings[level].colour}`;
}

/** "DEFCON 4": the number alone, where the colour word stands next to it in its own element. */
export function levelNumberLabel(level: LevelNumber): string {
  return `DEFCON ${level}`;
}
