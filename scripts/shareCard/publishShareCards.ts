import { availableParallelism } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import pLimit from "p-limit";
import { Piscina } from "piscina";
import { linkOrCopy } from "../build/linkOrCopy.ts";
import type { ShareCard } from "./shareCards.ts";

export interface ShareCardReport {
  /** Cards drawn by this build. */
  drawn: number;
  /** Cards found already drawn, in the cache. */
  reused: number;
  /** How long drawing took (beside Eleventy's rendering), in seconds; 0 when nothing was drawn. */
  drawingSeconds: number;
}

/** Files placed or removed at once: far below any system's limit on open files. */
const FILES_AT_ONCE = 32;

/**
 * Puts every card into `outputDir/cards/`. A card is drawn only if the cache does not hold it
 * already (its name is the hash of its picture, so an unchanged card is never drawn again);
 * drawing runs in worker threads, one per core, beside whatever the caller is doing. The cache
 * keeps exactly this build's cards afterwards. Output files are hard links into the cache
 * (copies where the two folders are on different disks).
 */
export async function publishShareCards(cards: readonly ShareCard[], outputDir: string, cacheDir: string): Promise<ShareCardReport> {
  await mkdir(cacheDir, { recursive: true });
  await mkdir(path.join(outputDir, "cards"), { recursive: true });
  const cached = new Set(await readdir(cacheDir));
  const missing = cards.filter((card) => !cached.has(`${card.hash}.png`));
  const started = performance.now();
  if (missing.length > 0) await drawIntoCache(missing, cacheDir);
  const drawingSeconds = missing.length > 0 ? (performance.now() - started) / 1000 : 0;

  const limit = pLimit(FILES_AT_ONCE);
  await Promise.all(cards.map((card) => limit(() => place(path.join(cacheDir, `${card.hash}.png`), path.join(outputDir, card.file)))));

  const wanted = new Set(cards.map((card) => `${card.hash}.png`));
  const stale = [...cached].filter((name) => !wanted.has(name));
  await Promise.all(stale.map((name) => limit(() => rm(path.join(cacheDir, name), { force: true, recursive: true }))));
  return { drawn: missing.length, reused: cards.length - missing.length, drawingSeconds };
}

async function drawIntoCache(cards: readonly ShareCard[], cacheDir: string): Promise<void> {
  const pool = new Piscina<{ tree: unknown; width: number; height: number }, Uint8Array>({
    filename: new URL("./cardWorker.js", import.meta.url).href,
    minThreads: 0,
    maxThreads: Math.min(cards.length, availableParallelism()),
    // The worker is plain JavaScript: it needs none of the loaders or probes the build was started with.
    execArgv: [],
  });
  // A worker that cannot start is reported on the pool, not on a task.
  const poolFailed = new Promise<never>((_, reject) => pool.on("error", reject));
  poolFailed.catch(() => {});
  try {
    const drawn = Promise.all(
      cards.map(async (card) => {
        const png = await pool.run({ tree: card.tree, width: card.width, height: card.height });
        // Written under a temporary name, then renamed: a build stopped halfway leaves no half a PNG in the cache.
        const final = path.join(cacheDir, `${card.hash}.png`);
        const partial = `${final}.${process.pid}.partial`;
        await writeFile(partial, png);
        await rename(partial, final);
      }),
    );
    await Promise.race([drawn, poolFailed]);
  } finally {
    await pool.destroy();
  }
}

async function place(from: string, to: string): Promise<void> {
  if (await exists(to)) return; // the same name is the same picture
  await linkOrCopy(from, to);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
