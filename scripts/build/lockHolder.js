// @ts-check
/**
 * Holds the build lock for buildLock.ts, in a thread of its own. proper-lockfile keeps a lock
 * alive by refreshing its folder's modification time on a timer. On the build's main thread that
 * timer cannot fire while Eleventy renders (one stretch of 9 s was measured at 4,000 analyses),
 * and a lock not refreshed looks abandoned: a second build would take it over and both would
 * write. Here the timer runs whatever the main thread is doing, and stops with the process, so
 * the lock of a killed build still goes stale.
 *
 * Plain JavaScript, checked by tsc through its JSDoc types, so that the thread starts without
 * tsx's loader. Takes the lock (waiting while another build holds it), reports each change as a
 * LockHolderMessage, and releases the lock when the main thread sends "release".
 */
import { stat } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";
import lockfile from "proper-lockfile";

/**
 * @typedef {object} LockHolderJob
 * @property {string} root The folder the lock is for.
 * @property {string} lockfilePath
 * @property {number} stale A lock not refreshed for this long (ms) is taken over.
 * @property {number} update How often (ms) the lock is refreshed.
 * @property {number} waitMs How long to wait for another build before giving up.
 * @property {number} retryMs How often to try again while waiting.
 * @property {number} reportPauseMs For tests only: a pause between taking the lock and saying so.
 * @property {number} releasePauseMs For tests only: a pause between being asked to release and releasing.
 * @property {SharedArrayBuffer} state One Int32 the main thread reads synchronously when it must
 *   exit at once: 0 (no folder is ours), 1 (an attempt is in flight), 2 (held) or 3 (being released).
 */

/**
 * `waiting`: another build holds the lock (sent once). `acquired`: the lock is ours; `ino` is its
 * folder's inode number, which a folder deleted and made again (by another build) does not share.
 * `gave-up`: still held by another build after `waitMs`. `compromised`: the lock was lost while
 * ours (deleted, or taken over). `failed`: the lock could not be taken at all (e.g. a read-only
 * folder). `released`: given back on request.
 * @typedef {{ type: "waiting" | "gave-up" | "released" }
 *   | { type: "acquired", ino: number }
 *   | { type: "compromised", message: string }
 *   | { type: "failed", message: string, code?: string, syscall?: string, path?: string }} LockHolderMessage
 */

const job = /** @type {LockHolderJob} */ (workerData);
/** Whether the lock folder is ours, for a main thread that cannot wait for a message (buildLock.ts). */
const state = new Int32Array(job.state);
/** @param {0 | 1 | 2 | 3} value free, trying, held or releasing */
const setState = (value) => {
  Atomics.store(state, 0, value);
  Atomics.notify(state, 0);
};
const port = parentPort;
if (!port) throw new Error("lockHolder.js runs as a worker thread of the build (buildLock.ts)");

/** @param {LockHolderMessage} message */
const send = (message) => port.postMessage(message);

/** @returns {Promise<(() => Promise<void>) | undefined>} the release function, or undefined if not taken */
async function take() {
  const deadline = Date.now() + job.waitMs;
  let said = false;
  for (;;) {
    setState(1);
    try {
      const release = await lockfile.lock(job.root, {
        lockfilePath: job.lockfilePath,
        realpath: false,
        stale: job.stale,
        update: job.update,
        onCompromised: (error) => {
          setState(0);
          send({ type: "compromised", message: error.message });
        },
      });
      setState(2);
      return release;
    } catch (error) {
      setState(0);
      const { message, code, syscall, path } = /** @type {NodeJS.ErrnoException} */ (error);
      if (code !== "ELOCKED") {
        send({ type: "failed", message, code, syscall, path });
        return undefined;
      }
    }
    if (!said) send({ type: "waiting" });
    said = true;
    if (Date.now() >= deadline) {
      send({ type: "gave-up" });
      return undefined;
    }
    await delay(job.retryMs);
  }
}

const release = await take();
if (release) {
  port.once("message", async () => {
    setState(3);
    if (job.releasePauseMs > 0) await delay(job.releasePauseMs);
    // Already released if the lock was compromised.
    await release().catch(() => {});
    setState(0);
    send({ type: "released" });
    port.close();
  });
  const { ino } = await stat(job.lockfilePath).catch(() => ({ ino: -1 }));
  if (job.reportPauseMs > 0) await delay(job.reportPauseMs);
  send({ type: "acquired", ino });
}
