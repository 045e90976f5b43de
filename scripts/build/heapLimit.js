// @ts-check
/**
 * The heap limit a production build is started with, from the size of the archive.
 *
 * Node lets V8's heap grow to about a quarter of the machine's memory (4 GB here) before it must
 * collect, and V8 uses that room: at 20,000 analyses the build keeps about 1 GB alive while
 * Eleventy renders, yet its process reached 2.6 GB, most of it garbage from the gates not yet
 * collected. A limit sized to what the build keeps makes V8 collect sooner at no cost in time
 * (docs/performance.md). What it keeps was measured with heap snapshots: mostly the pages
 * Eleventy rendered, about 15 KB for each analysis's page and list entries and 4.5 bytes for
 * each byte of its Markdown.
 *
 * Plain JavaScript, checked by tsc through its JSDoc types, so that `npm run build`'s command
 * (scripts/buildCommand.js) can size the build's process before starting it with tsx.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";

/** What a build keeps in memory besides the archive: Eleventy, the templates, the data files. */
const BASE_MB = 64;
const PER_ANALYSIS_BYTES = 16 * 1024;
const PER_MARKDOWN_BYTE = 5;
/** Room on top of what is kept, so that V8 collects without working near its limit. */
const HEADROOM = 1.5;
/** Never less: a small site's build is mostly Eleventy itself, and a tight limit only slows it. */
const FLOOR_MB = 512;

/** Set to a number of megabytes, this is the build's heap limit whatever the archive's size. */
export const HEAP_LIMIT_ENV = "DEFCON_BUILD_HEAP_MB";

/**
 * @typedef {object} ArchiveSize
 * @property {number} analyses Markdown files in site/articles/ and its folders.
 * @property {number} markdownBytes Their size together.
 */

/**
 * The analyses' count and size, from the folder listing alone (nothing is read), as the build will
 * find them: Markdown files in site/articles/ at any depth, hidden files and folders left out.
 * @param {string} root the project folder
 * @returns {ArchiveSize}
 */
export function archiveSize(root) {
  const articles = path.join(root, "site", "articles");
  let analyses = 0;
  let markdownBytes = 0;
  /** @param {string} dir */
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // no folder yet, or unreadable: the build itself says so
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".md")) {
        analyses++;
        try {
          markdownBytes += statSync(full).size;
        } catch {
          // Gone since the listing: the build will not find it either.
        }
      }
    }
  };
  walk(articles);
  return { analyses, markdownBytes };
}

/**
 * The heap limit, in megabytes, for a build of an archive this size.
 * @param {ArchiveSize} size
 * @returns {number}
 */
export function heapLimitFor(size) {
  const keptBytes = BASE_MB * 2 ** 20 + size.analyses * PER_ANALYSIS_BYTES + size.markdownBytes * PER_MARKDOWN_BYTE;
  return Math.max(FLOOR_MB, Math.ceil((keptBytes * HEADROOM) / 2 ** 20));
}

/** Node's own heap limit on this machine, in megabytes (for a process started without a limit). */
export function defaultHeapLimitMb() {
  return Math.floor(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
}

/**
 * The limit to start the build of `root` with, in megabytes; undefined where Node's own limit is
 * no larger (a small machine), since a limit only helps below it.
 * @param {string} root
 * @param {NodeJS.ProcessEnv} env
 * @returns {number | undefined}
 * @throws {Error} if HEAP_LIMIT_ENV is set to something other than a whole number of megabytes
 */
export function buildHeapLimitMb(root, env) {
  const forced = env[HEAP_LIMIT_ENV];
  if (forced !== undefined && forced !== "") {
    if (!/^[1-9]\d*$/.test(forced)) throw new Error(`${HEAP_LIMIT_ENV} must be a whole number of megabytes, such as 2048; it is "${forced}"`);
    return Number(forced);
  }
  const limit = heapLimitFor(archiveSize(root));
  return limit < defaultHeapLimitMb() ? limit : undefined;
}
