import { EnvironmentProblem } from "./environmentProblem.ts";

/**
 * Numbers that only the build's own tests change, so that they run in seconds on small fixtures:
 * each is read from the environment and, when unset, is the production value. They are
 * DEFCON_BUILD_LOCK_STALE_MS, DEFCON_BUILD_LOCK_WAIT_MS, DEFCON_BUILD_LOCK_REPORT_PAUSE_MS and
 * DEFCON_BUILD_LOCK_RELEASE_PAUSE_MS (buildLock.ts), DEFCON_BUILD_SWAP_PAUSE_MS (swapOutput.ts)
 * and DEFCON_SEARCH_SHARD_RECORDS (search/searchShards.ts).
 */
export function testOverride(name: string, productionValue: number, unit = "milliseconds"): number {
  const value = process.env[name];
  if (value === undefined || value === "") return productionValue;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) {
    throw new EnvironmentProblem(`${name} must be a number of ${unit}, not ${JSON.stringify(value)}; unset it to build normally.`);
  }
  return ms;
}
