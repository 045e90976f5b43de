import { open, unlink } from "node:fs/promises";

/**
 * Writes a file that must not exist yet. Opening with `wx` checks and creates in one step, so a
 * file another editor created a moment ago is never overwritten; returns false if there is one.
 * A write that fails half-way (a full disk) removes the file again: nothing is left behind.
 */
export async function writeNewFile(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, "wx");
  } catch (error) {
    if ((error as { code?: unknown }).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(text, "utf8");
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(file).catch(() => undefined);
    throw error;
  }
  return true;
}
