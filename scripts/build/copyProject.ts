import { cp, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";

/** What a copy of the project needs to build on its own; content can then be replaced. */
const PROJECT_FILES = ["site", "_data", "_includes", "scripts", ".eleventy.js", "package.json", "netlify.toml"];

/**
 * Copies the project into `dest` (for fixture sites and benchmarks), sharing node_modules
 * through a symlink so modules resolve from the copy exactly as from the project.
 */
export async function copyProject(projectRoot: string, dest: string): Promise<void> {
  for (const entry of PROJECT_FILES) {
    const from = path.join(projectRoot, entry);
    if (existsSync(from)) await cp(from, path.join(dest, entry), { recursive: true });
  }
  await symlink(path.join(projectRoot, "node_modules"), path.join(dest, "node_modules"), "dir");
}
