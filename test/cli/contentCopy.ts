import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../helpers/projectRoot.ts";

/**
 * A copy of the project's content alone (`_data/`, `site/articles/`): all that the commands
 * read and write, for tests that call them in-process, far quicker to make than a fixture site.
 */
export async function copyContent(): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "defcon-cli-content-"));
  await cp(path.join(PROJECT_ROOT, "_data"), path.join(root, "_data"), { recursive: true });
  await cp(path.join(PROJECT_ROOT, "site/articles"), path.join(root, "site/articles"), { recursive: true });
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
