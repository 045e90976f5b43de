import type { Assessment, LevelNumber } from "./types.ts";

/** A stretch of time spent at one level: from the assessment that moved to it until the next move. */
export interface LevelStretch {
  level: LevelNumber;
  from: Date;
  to: Date;
  /** The assessment that started the stretch (its id is the fragment on /history/). */
  start: Assessment;
  /** The level of the stretch before, if any: tells a raise from a lowering. */
  previousLevel?: LevelNumber;
}

/**
 * Walks the history (oldest first, as the level model keeps it) once and returns the stretches
 * up to `end`. "Kept" assessments extend the stretch they are in. Several assessments at the same
 * instant (many on one day, none with a time) last no time at all: only the last one counts,
 * as in the model. `end` before the last assessment is treated as the last assessment's instant.
 */
export function levelStretches(history: readonly Assessment[], end: Date): LevelStretch[] {
  const stretches: LevelStretch[] = [];
  history.forEach((assessment, i) => {
    const next = history[i + 1];
    if (next !== undefined && next.issued.getTime() === assessment.issued.getTime()) return;
    const last = stretches[stretches.length - 1];
    if (last !== undefined && last.level === assessment.level) return;
    if (last !== undefined) last.to = assessment.issued;
    const stretch: LevelStretch = { level: assessment.level, from: assessment.issued, to: assessment.issued, start: assessment };
    if (last !== undefined) stretch.previousLevel = last.level;
    stretches.push(stretch);
  });
  const final = stretches[stretches.length - 1];
  if (final !== undefined) final.to = new Date(Math.max(end.getTime(), history[history.length - 1]!.issued.getTime()));
  return stretches;
}
