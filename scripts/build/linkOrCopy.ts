import { copyFile, link } from "node:fs/promises";

/** What `link` answers where a hard link cannot be made: another disk, or a filesystem without them. */
const CANNOT_LINK = new Set(["EXDEV", "EPERM", "ENOTSUP", "EMLINK"]);

/**
 * Puts the file at `from` at `to` (where nothing is yet) as a hard link: nothing is copied and no
 * new file is made on disk, only a second name for the same one. Where the two places are on
 * different disks, or the filesystem has no hard links, it is copied instead. Either way, neither
 * name may be written in place afterwards: with a link, that would change both.
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    await copyFile(from, to);
  }
}
