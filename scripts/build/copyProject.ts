import { cp, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";

/** Content, templates and settings: copied, so that a copy's own can then be replaced. */
const COPIED = ["site", "_data", "_includes", ".eleventy.js", "package.json", "netlify.toml"];

/**
 * The code and its dependencies: shared through symlinks, never changed in a copy. Node loads a
 * module from its real path, so a copy runs the project's own files, from the place they always
 * have: tsx's cache of compiled TypeScript (keyed by a file's path) serves every copy as it
 * serves the project, instead of compiling each copy's code afresh.
 */
export const LINKED = ["scripts", "node_modules"];

/** Copies the project into `dest` (for fixture sites and benchmarks), able to build on its own. */
export async function copyProject(projectRoot: string, dest: string): Promise<void> {
  for (const entry of COPIED) {
    const from = path.join(projectRoot, entry);
    if (existsSync(from)) await cp(from, path.join(dest, entry), { recursive: true });
  }
  for (const entry of LINKED) await symlink(path.join(projectRoot, entry), path.join(dest, entry), "dir");
}
