import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/fixtureSite.ts";

const SOURCE_FOLDERS = ["scripts", "site", "_includes", "_data", "test", "docs", "netlify", ".ci"];
const SOURCE_FILES = [".eleventy.js", "netlify.toml", "README.md", "vitest.config.ts"];
/** A mention of an issue by its number, or an opening parenthesis then the word; built from parts so this file does not match itself. */
const CITES_ISSUE = new RegExp(["\\bissues? ?#?\\d+\\b", "\\(" + "issue\\b"].join("|"), "i");
const TEXT = /\.(ts|js|mjs|njk|md|css|json|toml|xsl|html)$|^run$/;

function* sourceFiles(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(relative);
    else if (TEXT.test(entry.name)) yield relative;
  }
}

describe("comments and docs", () => {
  it("speak of the code, never of issue numbers", () => {
    const citing: string[] = [];
    for (const file of [...SOURCE_FOLDERS.flatMap((dir) => [...sourceFiles(dir)]), ...SOURCE_FILES]) {
      const lines = readFileSync(path.join(PROJECT_ROOT, file), "utf8").split("\n");
      lines.forEach((line, index) => {
        if (CITES_ISSUE.test(line)) citing.push(`${file}:${index + 1}: ${line.trim().slice(0, 100)}`);
      });
    }
    expect(citing).toEqual([]);
  });
});
