import { levelStretches, type LevelStretch } from "./levelStretches.ts";
import { LEVEL_NUMBERS, type Assessment, type LevelNumber } from "./types.ts";

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface LevelTally {
  level: LevelNumber;
  /** Time spent at the level, in days (fractional when assessments carry a time). */
  days: number;
  /** Share of the whole history, 0..1. */
  share: number;
  /** How many separate stretches the level had. */
  stretches: number;
  /** The longest of them (the earliest on a tie), or undefined if the level was never in force. */
  longest?: LevelStretch;
  /** Its length in days (0 when never in force). */
  longestDays: number;
}

export interface LevelStats {
  from: Date;
  to: Date;
  totalDays: number;
  /** One row per level, DEFCON 5 first, including levels never in force (days 0). */
  levels: LevelTally[];
  /** The stretch that is running now; its start is the date of the last change. */
  current: LevelStretch;
  /** How many times the level moved (raised or lowered). */
  changes: number;
}

/** The statistics readers ask for: days at each level, the longest stretch, the last change. */
export function levelStats(history: readonly Assessment[], now: Date): LevelStats {
  const stretches = levelStretches(history, now);
  const current = stretches[stretches.length - 1];
  if (current === undefined) throw new Error("the level history has no assessments");
  const from = stretches[0]!.from;
  const to = current.to;
  const totalDays = stretchDays(from, to);

  const levels = LEVEL_NUMBERS.map((level): LevelTally => ({ level, days: 0, share: 0, stretches: 0, longestDays: 0 }));
  const byLevel = new Map(levels.map((row) => [row.level, row]));
  for (const stretch of stretches) {
    const row = byLevel.get(stretch.level)!;
    const days = stretchDays(stretch.from, stretch.to);
    row.days += days;
    row.stretches += 1;
    if (row.longest === undefined || days > row.longestDays) {
      row.longest = stretch;
      row.longestDays = days;
    }
  }
  for (const row of levels) row.share = totalDays > 0 ? row.days / totalDays : row.stretches > 0 ? 1 : 0;
  return { from, to, totalDays, levels, current, changes: stretches.length - 1 };
}

export function stretchDays(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}
