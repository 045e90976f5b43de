/** "1,234 days", "1 day": whole days (rounded), for the statistics a reader scans. */
export function dayCount(days: number): string {
  const whole = Math.round(days);
  return `${whole.toLocaleString("en-GB")} ${whole === 1 ? "day" : "days"}`;
}

/** "12.5%": one decimal is enough to tell a short stretch from none. */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toLocaleString("en-GB")}%`;
}
