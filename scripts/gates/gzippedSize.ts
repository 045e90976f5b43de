import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

/** Below this, gzip costs about what hashing would: such files are measured every time. */
const REMEMBERED_FROM_BYTES = 256 * 1024;
/** Gzipped sizes of large files, by a hash of their content. */
const known = new Map<string, number>();

/**
 * The size of `content` gzipped, as a browser receives it. A large file's size is remembered for
 * the life of the process: a process that builds again (the test suite's build hosts) measures
 * the CMS's 5 MB script once, not in every build (a fifth of a small site's build).
 */
export function gzippedSize(content: Buffer | string): number {
  if (Buffer.byteLength(content) < REMEMBERED_FROM_BYTES) return gzipSync(content).length;
  const key = createHash("sha256").update(content).digest("hex");
  let size = known.get(key);
  if (size === undefined) {
    size = gzipSync(content).length;
    known.set(key, size);
  }
  return size;
}
