import type { LevelModel } from "./levelModel.ts";
import type { Assessment, Cadence } from "./types.ts";

/** When the next scheduled assessment is due, and whether it is late. */
export interface NextAssessment {
  /** The day it is due, "YYYY-MM-DD" (UTC). */
  due: string;
  /** Whether that day has passed without a newer assessment, as of `now`. */
  overdue: boolean;
}

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The next scheduled assessment after `latest`, by the cadence of the level it set: the next
 * `monthlyOnDay` strictly after its day (an assessment on the 1st is followed by the 1st of the next
 * month), or `everyDays` after its day. An immediate update may come at any time; this is the
 * latest the next one is expected. Overdue once the day after the due day has begun (UTC).
 */
export function nextAssessment(latest: Assessment, cadence: Cadence, now: Date): NextAssessment {
  const day = new Date(Date.UTC(latest.issued.getUTCFullYear(), latest.issued.getUTCMonth(), latest.issued.getUTCDate()));
  let due: Date;
  if ("monthlyOnDay" in cadence) {
    const thisMonth = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), cadence.monthlyOnDay));
    due = thisMonth > day ? thisMonth : new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, cadence.monthlyOnDay));
  } else {
    due = new Date(day.getTime() + cadence.everyDays * DAY_MS);
  }
  return { due: isoDay(due), overdue: now.getTime() >= due.getTime() + DAY_MS };
}

/** The next scheduled assessment after the current one, by the current level's cadence. */
export function nextAssessmentOf(model: LevelModel, now: Date): NextAssessment {
  return nextAssessment(model.current, model.meanings[model.current.level].cadence, now);
}
