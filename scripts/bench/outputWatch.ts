/**
 * Waiting for a dev server's output to become right: each check is a file and what its text must
 * satisfy, read every 20 ms until it does. A check that held is not read again, so only the
 * files still waited for are read.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import pLimit from "p-limit";

export interface OutputCheck {
  /** Relative to the output folder. */
  file: string;
  /** The file's text, undefined while it does not exist. */
  holds: (text: string | undefined) => boolean;
}

const POLL_MS = 20;

/** Milliseconds from `since` (a performance.now()) until each check first held; undefined if it did not within `timeoutMs`. */
export async function whenOutputHolds(outputDir: string, checks: readonly OutputCheck[], since: number, timeoutMs: number): Promise<(number | undefined)[]> {
  const heldAt: (number | undefined)[] = checks.map(() => undefined);
  while (performance.now() - since < timeoutMs) {
    await Promise.all(
      checks.map(async (check, i) => {
        if (heldAt[i] !== undefined) return;
        const text = await readFile(path.join(outputDir, check.file), "utf8").catch(() => undefined);
        if (check.holds(text)) heldAt[i] = performance.now() - since;
      }),
    );
    if (heldAt.every((ms) => ms !== undefined)) break;
    await sleep(POLL_MS);
  }
  return heldAt;
}

const TEXT_OUTPUT = /\.(?:html|xml|json|txt|ics|csv|svg)$/;

/** Text files of the output that contain `needle`, relative to `outputDir`: the pages that show something. */
export async function filesContaining(outputDir: string, needle: string): Promise<string[]> {
  const entries = await readdir(outputDir, { recursive: true, withFileTypes: true });
  const limit = pLimit(32);
  const found = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && TEXT_OUTPUT.test(entry.name))
      .map((entry) =>
        limit(async () => {
          const file = path.join(entry.parentPath, entry.name);
          return (await readFile(file, "utf8")).includes(needle) ? [path.relative(outputDir, file).split(path.sep).join("/")] : [];
        }),
      ),
  );
  return found.flat().sort();
}
