import { round1 } from "./round.ts";

export interface TimeScale {
  (when: Date): number;
  start: Date;
  end: Date;
}

const MIN_SPAN_MS = 24 * 60 * 60 * 1000;

/**
 * A linear map from instants to x positions. A span shorter than a day (a history of one
 * assessment issued today) is widened to a day, so the line still has a length.
 */
export function timeScale(start: Date, end: Date, x0: number, x1: number): TimeScale {
  const t0 = start.getTime();
  const t1 = Math.max(end.getTime(), t0 + MIN_SPAN_MS);
  const perMs = (x1 - x0) / (t1 - t0);
  const scale = ((when: Date) => round1(x0 + (when.getTime() - t0) * perMs)) as TimeScale;
  scale.start = new Date(t0);
  scale.end = new Date(t1);
  return scale;
}
