import { rmdirSync, statSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { Worker } from "node:worker_threads";
import lockfile from "proper-lockfile";
import { EnvironmentProblem, isEnvironmentError } from "./environmentProblem.ts";
import type { LockHolderJob, LockHolderMessage } from "./lockHolder.js";
import { testOverride } from "./testOverrides.ts";

/** The lock, in the project root: a folder that exists while a build is writing. */
export const LOCK_FILE = ".build.lock";

/**
 * The lock is proper-lockfile's: a folder whose modification time its holder refreshes every
 * UPDATE_MS. One not refreshed for STALE_MS belongs to a build that died without a word (SIGKILL,
 * a power cut) and is taken over. The refresh runs in a thread of its own (lockHolder.js), not on
 * the main thread, which Eleventy keeps busy for seconds on end on a large site; so only a frozen
 * or dead process misses ten refreshes in a row, and a build after a killed one waits at most
 * STALE_MS (and says so).
 */
const STALE_MS = 20_000;
const UPDATE_MS = 2_000;
/** How long a build waits for another before giving up: longer than any real build takes. */
const WAIT_MS = 20 * 60_000;
const RETRY_MS = 250;

export interface BuildLock {
  /**
   * Calls `onCompromised` there and then if the lock is no longer ours (its folder deleted, or
   * made again by another build), rather than at its next refresh, seconds later.
   */
  confirm(): void;
  release(): Promise<void>;
  /** For an exit that cannot wait (a signal): removes the lock folder there and then. */
  releaseSync(): void;
}

/**
 * The lock thread's state (lockHolder.js), shared so that an exit that cannot wait for a message
 * can read it: 0 when no folder is ours, LOCK_TRYING while an attempt is in flight, LOCK_HELD,
 * LOCK_RELEASING while the folder is being removed on request.
 */
const LOCK_TRYING = 1;
const LOCK_HELD = 2;
const LOCK_RELEASING = 3;

function lockJob(root: string): LockHolderJob {
  const stale = testOverride("DEFCON_BUILD_LOCK_STALE_MS", STALE_MS);
  return {
    root,
    lockfilePath: path.join(root, LOCK_FILE),
    stale,
    update: Math.min(UPDATE_MS, stale / 4),
    waitMs: testOverride("DEFCON_BUILD_LOCK_WAIT_MS", WAIT_MS),
    reportPauseMs: testOverride("DEFCON_BUILD_LOCK_REPORT_PAUSE_MS", 0),
    releasePauseMs: testOverride("DEFCON_BUILD_LOCK_RELEASE_PAUSE_MS", 0),
    state: new SharedArrayBuffer(4),
    retryMs: RETRY_MS,
  };
}

/**
 * Takes the lock that lets one build at a time write in `root`, waiting (with one line said once)
 * while another build holds it. Resolves to undefined, having said why, if the other build has not
 * finished after WAIT_MS. `onCompromised` is called if the lock is lost while held.
 */
export function acquireBuildLock(
  root: string,
  onCompromised: () => void,
  /** Called at once with what an immediate exit must run (a stop), even before the lock is taken. */
  onExitNow: (releaseSync: () => void) => void,
): Promise<BuildLock | undefined> {
  const job = lockJob(root);
  const state = new Int32Array(job.state);
  const holder = new Worker(new URL("./lockHolder.js", import.meta.url), { workerData: job, execArgv: [] });
  /** False once the lock is lost, or its release has been asked for. */
  let ours = true;
  /** True once the lock is lost: its folder, if any, is another build's. */
  let lost = false;
  let ino = -1;
  const lock: BuildLock = {
    confirm() {
      if (!ours) return;
      let now: number | undefined;
      try {
        now = statSync(job.lockfilePath).ino;
      } catch {
        // Deleted.
      }
      if (now !== ino) {
        ours = false;
        lost = true;
        onCompromised();
      }
    },
    async release() {
      if (!ours) return;
      ours = false;
      holder.ref();
      holder.postMessage("release");
      await once(holder, "exit");
    },
    releaseSync() {
      if (lost) return;
      // The thread may be making the folder this very moment, before it could say so, or removing
      // it on release(), which this exit would cut short: wait for that step to end (milliseconds),
      // then remove the folder only if it is still ours.
      const deadline = Date.now() + 2000;
      for (let now = Atomics.load(state, 0); (now === LOCK_TRYING || now === LOCK_RELEASING) && Date.now() < deadline; now = Atomics.load(state, 0)) {
        Atomics.wait(state, 0, now, 50);
      }
      ours = false;
      if (Atomics.load(state, 0) !== LOCK_HELD) return;
      try {
        rmdirSync(job.lockfilePath);
      } catch {
        // Already gone; nothing to release.
      }
    },
  };
  onExitNow(() => lock.releaseSync());
  return new Promise((resolve, reject) => {
    holder.on("error", reject);
    holder.on("exit", (code) => reject(new Error(`the build lock's thread (lockHolder.js) stopped early, with exit code ${code}`)));
    holder.on("message", (message: LockHolderMessage) => {
      switch (message.type) {
        case "waiting":
          console.log(
            `Another build is running in this folder; waiting for it to finish… ` +
              `(if it was killed, its lock ${LOCK_FILE}/ expires ${Math.round(job.stale / 1000)} s after it stopped)`,
          );
          break;
        case "gave-up":
          console.error(
            `✖ Gave up after waiting ${Math.round(job.waitMs / 1000)} s for the other build in this folder; nothing was published. ` +
              `Is a build stuck? Stop it, then build again.`,
          );
          resolve(undefined);
          break;
        case "failed": {
          const { message: text, ...errno } = message;
          const error = Object.assign(new Error(text), errno);
          reject(isEnvironmentError(error) ? error : new EnvironmentProblem(`Could not take this folder's build lock (${LOCK_FILE}/): ${text}.`, { cause: error }));
          break;
        }
        case "acquired":
          ino = message.ino;
          // The thread must not keep the process alive if an exit path forgets to release.
          holder.unref();
          resolve(lock);
          break;
        case "compromised":
          // Someone else's lock now: not ours to remove.
          ours = false;
          lost = true;
          onCompromised();
          break;
        case "released":
          break;
      }
    });
  });
}

/**
 * Runs `step` holding the build lock if no build holds it, without waiting; resolves to whether
 * it ran. For tools that serve _site/ and must not touch it under a running build's feet.
 */
export async function ifNoBuildIsRunning(root: string, step: () => Promise<unknown>): Promise<boolean> {
  const { lockfilePath, stale, update } = lockJob(root);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(root, { lockfilePath, stale, update, realpath: false, onCompromised: () => {} });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ELOCKED") return false;
    throw error;
  }
  try {
    await step();
    return true;
  } finally {
    await release();
  }
}
