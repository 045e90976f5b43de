import type { LevelMeaning, LevelNumber } from "../level/types.ts";
import { levelLabel } from "../level/levelLabel.ts";
import type { FeedLevel } from "./types.ts";

/** "DEFCON 4 Blue": the level said in words, as everywhere on the site. */
export function feedLevel(level: LevelNumber, meanings: Record<LevelNumber, LevelMeaning>): FeedLevel {
  const colour = meanings[level].colour;
  return { level, colour, label: levelLabel(level, meanings) };
}
