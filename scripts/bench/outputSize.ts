import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";

export interface FolderSize {
  files: number;
  bytes: number;
  /** HTML files. */
  pages: number;
}

/** Files stat'ed at once: an output of 20,000 analyses holds over 60,000 files. */
const STAT_CONCURRENCY = 64;

/** Every file under `dir`, recursively; an empty size if it does not exist. */
export async function folderSize(dir: string): Promise<FolderSize> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile());
  const limit = pLimit(STAT_CONCURRENCY);
  const sizes = await Promise.all(files.map((entry) => limit(async () => (await stat(path.join(entry.parentPath, entry.name))).size)));
  return {
    files: files.length,
    bytes: sizes.reduce((sum, size) => sum + size, 0),
    pages: files.filter((entry) => entry.name.endsWith(".html")).length,
  };
}

export interface OutputSize {
  output: FolderSize;
  /**
   * Everything under pagefind/: the runtime and the index, in one bundle or split into
   * pagefind/shard-<n>/ folders, counted recursively so that either layout is measured.
   */
  searchIndex: FolderSize;
}

export async function outputSize(siteDir: string): Promise<OutputSize> {
  const [output, searchIndex] = await Promise.all([folderSize(siteDir), folderSize(path.join(siteDir, "pagefind"))]);
  return { output, searchIndex };
}
