export type TickUnit = "day" | "month" | "year";

export interface TickInterval {
  unit: TickUnit;
  step: number;
}

export interface TimeTick {
  when: Date;
  label: string;
}

/** From fine to coarse; the first that fits is used, so a year of history gets months, forty get decades. */
export const TICK_INTERVALS: readonly TickInterval[] = [
  { unit: "day", step: 1 },
  { unit: "day", step: 7 },
  { unit: "month", step: 1 },
  { unit: "month", step: 3 },
  { unit: "month", step: 6 },
  { unit: "year", step: 1 },
  { unit: "year", step: 2 },
  { unit: "year", step: 5 },
  { unit: "year", step: 10 },
  { unit: "year", step: 20 },
];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Calendar-aligned ticks between `start` and `end` (inclusive), at the finest interval that gives
 * no more than `maxTicks`, so labels never crowd at any width or span.
 */
export function timeTicks(start: Date, end: Date, maxTicks: number): TimeTick[] {
  const limit = Math.max(1, Math.floor(maxTicks));
  let chosen: Date[] = [];
  let interval = TICK_INTERVALS[TICK_INTERVALS.length - 1]!;
  for (const candidate of TICK_INTERVALS) {
    // Counting before generating keeps a forty-year span from listing fifteen thousand days.
    if (estimateCount(start, end, candidate) > limit + 1) continue;
    const instants = tickInstants(start, end, candidate);
    if (instants.length <= limit) {
      chosen = instants;
      interval = candidate;
      break;
    }
  }
  if (chosen.length === 0) return [{ when: start, label: fullLabel(start) }];
  return chosen.map((when, i) => ({ when, label: tickLabel(when, interval.unit, i === 0) }));
}

function estimateCount(start: Date, end: Date, { unit, step }: TickInterval): number {
  const days = (end.getTime() - start.getTime()) / DAY_MS;
  const perTick = unit === "day" ? step : unit === "month" ? step * 28 : step * 365;
  return days / perTick;
}

export function tickInstants(start: Date, end: Date, { unit, step }: TickInterval): Date[] {
  const t0 = start.getTime();
  const t1 = end.getTime();
  const out: Date[] = [];
  if (unit === "year") {
    let year = start.getUTCFullYear();
    year = Math.ceil(year / step) * step;
    for (; Date.UTC(year, 0, 1) <= t1; year += step) {
      if (Date.UTC(year, 0, 1) >= t0) out.push(new Date(Date.UTC(year, 0, 1)));
    }
  } else if (unit === "month") {
    let index = start.getUTCFullYear() * 12 + start.getUTCMonth();
    index = Math.ceil(index / step) * step;
    for (; Date.UTC(Math.floor(index / 12), index % 12, 1) <= t1; index += step) {
      const t = Date.UTC(Math.floor(index / 12), index % 12, 1);
      if (t >= t0) out.push(new Date(t));
    }
  } else {
    let day = Math.ceil(t0 / DAY_MS);
    // Weekly ticks fall on Mondays: day 0 (1970-01-01) was a Thursday, weekday 4 counting Sunday as 0.
    if (step === 7) day += (8 - ((day + 4) % 7)) % 7;
    for (; day * DAY_MS <= t1; day += step) out.push(new Date(day * DAY_MS));
  }
  return out;
}

function tickLabel(when: Date, unit: TickUnit, first: boolean): string {
  const month = MONTHS[when.getUTCMonth()]!;
  const year = when.getUTCFullYear();
  if (unit === "year") return String(year);
  const newYear = when.getUTCMonth() === 0 && (unit === "month" || when.getUTCDate() === 1);
  if (unit === "month") return first || newYear ? `${month} ${year}` : month;
  return first || newYear ? `${when.getUTCDate()} ${month} ${year}` : `${when.getUTCDate()} ${month}`;
}

function fullLabel(when: Date): string {
  return `${when.getUTCDate()} ${MONTHS[when.getUTCMonth()]} ${when.getUTCFullYear()}`;
}
