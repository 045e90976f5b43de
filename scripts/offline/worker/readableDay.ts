const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2025-09-08" or an ISO instant → "8 September 2025", the site's date style; as written if unparseable. */
export function readableDay(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DAY.format(date);
}
