import type { LevelMeaning, LevelNumber } from "../level/types.ts";

/**
 * The value of the search filter `level`, e.g. "DEFCON 4 Blue": number and colour word together,
 * exactly as the `levelLabel` macro writes it in article.njk, so analyses and assessments share
 * one filter value per level.
 */
export function levelFilterValue(level: LevelNumber, meanings: Record<LevelNumber, LevelMeaning>): string {
  return `DEFCON ${level} ${meanings[level].colour}`;
}
