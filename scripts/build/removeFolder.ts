import { rm, unlink } from "node:fs/promises";

/**
 * `rm -rf dir`. When a file inside cannot be deleted (EPERM: an immutable file), Node's rm tries
 * it again as a folder and reports ENOTDIR from that attempt, hiding the reason; deleting that
 * one file again recovers the true error (with its path), which is what is thrown.
 */
export async function removeFolder(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (code !== "ENOTDIR" || !path) throw error;
    await unlink(path);
    await rm(dir, { recursive: true, force: true });
  }
}
