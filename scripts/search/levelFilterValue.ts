import { levelLabel } from "../level/levelLabel.ts";
import type { LevelMeaning, LevelNumber } from "../level/types.ts";

/**
 * The value of the search filter `level`: the level's label ("DEFCON 4 Blue"), the same for
 * analyses (article layout) and assessments, so they share one filter value per level.
 */
export function levelFilterValue(level: LevelNumber, meanings: Record<LevelNumber, LevelMeaning>): string {
  return levelLabel(level, meanings);
}
