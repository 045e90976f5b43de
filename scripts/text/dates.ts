import { DateTime } from "luxon";

/** Dates on this site are calendar days in UTC: an analysis dated 2024-06-10 is that day everywhere. */
function toUtc(value: Date | string): DateTime {
  const parsed =
    value instanceof Date ? DateTime.fromJSDate(value, { zone: "utc" }) : DateTime.fromISO(value, { zone: "utc" });
  if (!parsed.isValid) throw new Error(`not a date: ${String(value)}`);
  return parsed;
}

/**
 * Days already written out, by their ISO date: every list card writes its analysis's day, so a
 * build asks for the same few thousand days tens of thousands of times, and luxon takes
 * microseconds for each. Emptied when it grows past a century of days.
 */
const readableDays = new Map<string, string>();
const READABLE_DAYS_KEPT = 36_600;

const writeOutDay = (value: Date | string) => toUtc(value).toFormat("d LLLL yyyy");

/** "10 June 2024" */
export function readableDate(value: Date | string): string {
  if (value instanceof Date) return writeOutDay(value);
  let readable = readableDays.get(value);
  if (readable === undefined) {
    readable = writeOutDay(value);
    if (readableDays.size >= READABLE_DAYS_KEPT) readableDays.clear();
    readableDays.set(value, readable);
  }
  return readable;
}

/** "Monday 8 September 2025, 14:30 UTC" (the time only when the assessment gave one). */
export function assessmentDate(value: Date | string, withTime = false): string {
  const day = toUtc(value);
  return day.toFormat("cccc d LLLL yyyy") + (withTime ? day.toFormat(", HH:mm 'UTC'") : "");
}

/** "2024-06-10", for <time datetime> and sitemaps. */
export function isoDate(value: Date | string): string {
  return toUtc(value).toISODate()!;
}

/** Full RFC 3339 / ISO 8601 instant in UTC, e.g. "2025-09-08T00:00:00.000Z". */
export function isoDateTime(value: Date | string): string {
  return toUtc(value).toISO()!;
}

export function year(value: Date | string): number {
  return toUtc(value).year;
}
