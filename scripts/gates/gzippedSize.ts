import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DEPENDENCY_CACHE } from "../build/dependencyCache.js";

/** Below this, gzip costs about what hashing would: such files are measured every time. */
const REMEMBERED_FROM_BYTES = 256 * 1024;
/** Where large files' gzipped sizes are kept between builds, relative to the project. */
export const GZIPPED_SIZES_FILE = `${DEPENDENCY_CACHE}/gzipped-sizes.json`;
/** The most sizes kept: a few large assets (the CMS's script) change only with their package. */
const KEPT = 64;

/** Gzipped sizes of large files, by a hash of their content. */
const known = new Map<string, number>();
/** Whether a size was measured since the sizes were last kept. */
let measured = false;

/**
 * The size of `content` gzipped, as a browser receives it. A large file's size is remembered, by
 * its content: for the life of the process (a process that builds again, like the test suite's
 * build hosts, measures the CMS's 5 MB script once), and between builds through
 * `recallGzippedSizes` and `keepGzippedSizes` (a fifth of a small site's build, measured again in
 * every build before).
 */
export function gzippedSize(content: Buffer | string): number {
  if (Buffer.byteLength(content) < REMEMBERED_FROM_BYTES) return gzipSync(content).length;
  const key = createHash("sha256").update(content).digest("hex");
  let size = known.get(key);
  if (size === undefined) {
    size = gzipSync(content).length;
    // Newest last, so that keepGzippedSizes keeps the newest.
    known.set(key, size);
    measured = true;
  }
  return size;
}

/**
 * Gzipped sizes of the files in `contents`, by name, each measured the first time it is asked
 * for: a page loads a few of the output's text assets, and the rest (the CMS's hundred chunks)
 * are never weighed.
 */
export function gzippedSizesOnDemand(contents: ReadonlyMap<string, Buffer>): Pick<ReadonlyMap<string, number>, "get"> {
  const sizes = new Map<string, number>();
  return {
    get(file) {
      let size = sizes.get(file);
      if (size === undefined) {
        const content = contents.get(file);
        if (content === undefined) return undefined;
        size = gzippedSize(content);
        sizes.set(file, size);
      }
      return size;
    },
  };
}

/** Adds the sizes earlier builds of the project in `root` kept. A missing or unreadable file only means measuring again. */
export function recallGzippedSizes(root: string): void {
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(path.join(root, GZIPPED_SIZES_FILE), "utf8"));
  } catch {
    return;
  }
  if (typeof stored !== "object" || stored === null) return;
  for (const [key, size] of Object.entries(stored)) {
    if (/^[0-9a-f]{64}$/.test(key) && Number.isInteger(size) && (size as number) > 0 && !known.has(key)) known.set(key, size as number);
  }
}

/** Keeps the sizes measured, the newest few, for the next build. Never fails a build: they are only a saving. */
export function keepGzippedSizes(root: string): void {
  if (!measured) return;
  const file = path.join(root, GZIPPED_SIZES_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(Object.fromEntries([...known].slice(-KEPT))));
    renameSync(temporary, file);
    measured = false;
  } catch {
    // A read-only or full disk: the next build measures again.
  }
}
