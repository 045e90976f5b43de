import { rename, rm, stat } from "node:fs/promises";

async function exists(dir: string): Promise<boolean> {
  return stat(dir).then(
    () => true,
    () => false,
  );
}

/**
 * Replaces `live` with `staged` so that `live` is never half-written: the old site is moved
 * aside (a rename, instant on one file system), the new one renamed into place, and only
 * then is the old one deleted. If the second rename fails, the old site is put back.
 */
export async function swapOutput(staged: string, live: string): Promise<void> {
  const aside = `${live}.old`;
  await rm(aside, { recursive: true, force: true });
  const hadLive = await exists(live);
  if (hadLive) await rename(live, aside);
  try {
    await rename(staged, live);
  } catch (error) {
    if (hadLive) await rename(aside, live);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}
