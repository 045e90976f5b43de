/**
 * "Now" for a build: the real time, unless DEFCON_BUILD_DATE pins it (an ISO date or date-time),
 * so tests and benchmarks render "today" reproducibly. Everything that needs today reads this.
 */
export function buildNow(env: NodeJS.ProcessEnv = process.env): Date {
  const pinned = env["DEFCON_BUILD_DATE"];
  if (!pinned) return new Date();
  const date = new Date(pinned);
  if (Number.isNaN(date.getTime())) throw new Error(`DEFCON_BUILD_DATE is not a date: ${JSON.stringify(pinned)}`);
  return date;
}
