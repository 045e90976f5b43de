import { round1 } from "./round.ts";
import type { LevelNumber } from "../level/types.ts";

export interface LevelBand {
  level: LevelNumber;
  top: number;
  height: number;
  /** Where the step line runs while this level is in force. */
  middle: number;
}

/** Five equal horizontal bands, DEFCON 1 (most severe) at the top: up means worse. */
export function levelBands(top: number, height: number): LevelBand[] {
  const band = height / 5;
  return ([1, 2, 3, 4, 5] as const).map((level) => ({
    level,
    top: round1(top + (level - 1) * band),
    height: round1(band),
    middle: round1(top + (level - 0.5) * band),
  }));
}

/** The y of a level's line within the bands. */
export function levelY(bands: readonly LevelBand[], level: LevelNumber): number {
  return bands[level - 1]!.middle;
}
