import { readdir } from "node:fs/promises";
import path from "node:path";

export interface AnalysisFiles {
  /** Every analysis, as a path relative to the articles folder ("2024/slug.md"), sorted. */
  markdown: string[];
  /** Files that are not analyses but sit among them ("notes.txt", "slug.MD"), relative as above. */
  strays: string[];
}

/** The folder's own data file: Eleventy reads it for every analysis (layout, address). */
const FOLDER_DATA = /^articles\.11tydata\.js$/;

/**
 * Lists the articles folder and every folder inside it (editors file analyses by year).
 * Hidden files and folders are skipped, as Eleventy is told to skip them: macOS writes
 * `.DS_Store` and `._name.md` beside an editor's files.
 */
export async function listAnalysisFiles(dir: string): Promise<AnalysisFiles> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return { markdown: [], strays: [] };
  }
  const markdown: string[] = [];
  const strays: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (isHidden(relative) || FOLDER_DATA.test(relative)) continue;
    (relative.endsWith(".md") ? markdown : strays).push(relative);
  }
  return { markdown: markdown.sort(), strays: strays.sort() };
}

/** A file or folder whose name starts with a dot, at any depth. */
export function isHidden(relativePath: string): boolean {
  return relativePath.split("/").some((part) => part.startsWith("."));
}
