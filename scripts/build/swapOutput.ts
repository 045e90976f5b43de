import { rename, stat } from "node:fs/promises";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { EnvironmentProblem, environmentReason } from "./environmentProblem.ts";
import { removeFolder } from "./removeFolder.ts";
import { testOverride } from "./testOverrides.ts";

/**
 * The live site is replaced by the staged one with two renames, so it is never half-written: the
 * old site is moved aside to `<live>.old`, the new one moved into place, and only then is the old
 * one deleted. A missing `<live>` beside a `<live>.old` can therefore only mean a swap was cut off
 * between its two renames, and the old site in `<live>.old` is whole: recoverInterruptedSwap puts
 * it back. (The two renames cannot be made one; the build holds stop signals back while they run,
 * but nothing can hold back SIGKILL, which is what the recovery is for.)
 */
export const asideOf = (live: string): string => `${live}.old`;

async function exists(dir: string): Promise<boolean> {
  return stat(dir).then(
    () => true,
    () => false,
  );
}

/** Puts the old site back if a swap was cut off between its renames; resolves to whether it did. */
export async function recoverInterruptedSwap(live: string): Promise<boolean> {
  if ((await exists(live)) || !(await exists(asideOf(live)))) return false;
  await rename(asideOf(live), live);
  return true;
}

/**
 * Replaces `live` with `staged`, leaving the old site in `<live>.old` for removeOldSite; if the
 * new site cannot be moved in, the old one is put back. `pauseMs` holds the swap open between
 * its renames, for tests only (DEFCON_BUILD_SWAP_PAUSE_MS): it lets them signal or kill a build
 * at the one moment no `live` folder exists.
 */
export async function swapOutput(staged: string, live: string, pauseMs = testOverride("DEFCON_BUILD_SWAP_PAUSE_MS", 0)): Promise<void> {
  const aside = asideOf(live);
  await removeFolder(aside);
  const hadLive = await exists(live);
  if (hadLive) await rename(live, aside);
  if (pauseMs > 0) await delay(pauseMs);
  try {
    await rename(staged, live);
  } catch (error) {
    if (hadLive) await rename(aside, live);
    throw error;
  }
}

/**
 * Deletes the old site that swapOutput moved aside. The new site is live whatever happens here,
 * so a failure is returned, as a sentence for a warning, rather than thrown.
 */
export async function removeOldSite(live: string): Promise<string | undefined> {
  const aside = asideOf(live);
  try {
    await removeFolder(aside);
    return undefined;
  } catch (error) {
    const reason = environmentReason(error, path.dirname(live)) ?? (error as Error).message;
    return `could not remove ${path.basename(aside)}/: ${reason}; delete it by hand (the next build cannot start until it is gone)`;
  }
}

/** Deletes what an earlier build left behind (`<live>.old`, the staging folder) before a new one. */
export async function clearLeftovers(staged: string, live: string): Promise<void> {
  for (const dir of [asideOf(live), staged]) {
    try {
      await removeFolder(dir);
    } catch (error) {
      const reason = environmentReason(error, path.dirname(live));
      if (!reason) throw error;
      throw new EnvironmentProblem(
        `Could not remove ${path.basename(dir)}/, left by an earlier build: ${reason}. Delete it by hand, then build again; ${path.basename(live)}/ was left as it was.`,
        { cause: error },
      );
    }
  }
}
