import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Parser } from "htmlparser2";

/**
 * Checks on what a build printed and wrote, independent of the build's own gates (which use
 * their own parse): for tests that feed the build hostile content and must tell a clean refusal
 * from a crash, and escaped output from injected markup.
 */

/** What a crash prints and a clean refusal never does. */
const CRASH_SIGNS = [/^\s+at .+:\d+:\d+\)?$/m, /triggerUncaughtException/, /node:internal/];

/** The first line of `output` that belongs to a stack trace or a crash dump, if any. */
export function crashLine(output: string): string | undefined {
  for (const sign of CRASH_SIGNS) {
    const match = sign.exec(output);
    if (match) {
      const start = output.lastIndexOf("\n", match.index) + 1;
      const end = output.indexOf("\n", match.index + match[0].length);
      return output.slice(start, end === -1 ? undefined : end).trim();
    }
  }
  return undefined;
}

/**
 * One digest of a folder: every file's path and contents. "" when the folder does not exist,
 * so "the build left _site/ as it was" holds for a site that was never built too.
 */
export async function folderDigest(dir: string): Promise<string> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return "";
  }
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file + "\0");
    hash.update(await readFile(path.join(dir, file)));
    hash.update("\0");
  }
  return `${files.length} files, sha256 ${hash.digest("hex")}`;
}

/**
 * Characters HTML calls parse errors in the input stream (controls other than whitespace,
 * noncharacters) and XML 1.0 forbids, plus lone surrogates: text from content must never
 * reach a page or a feed with one of these in it.
 */
// Without the u flag, so that a surrogate is a unit of its own and a lone one can be matched.
const FORBIDDEN_CHARACTER =
  /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** "U+0008 at offset 120, in …context…" for the first forbidden character, if any. */
export function forbiddenCharacter(text: string): string | undefined {
  const match = FORBIDDEN_CHARACTER.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  const context = JSON.stringify(text.slice(Math.max(0, match.index - 40), match.index + 40));
  return `U+${code} at offset ${match.index}, in ${context}`;
}

/** The frames the site's own templates write: /embed/ previews the widget. Any other frame was injected. */
const OWN_FRAMES = new Set(["/embed/widget/"]);

/** What could run, style or break a page: each problem as a sentence. */
export function htmlSafetyProblems(html: string): string[] {
  const problems: string[] = [];
  const bad = forbiddenCharacter(html);
  if (bad) problems.push(`contains the character ${bad}`);
  const ids = new Map<string, number>();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "script" && attributes["src"] === undefined) problems.push("has an inline <script>");
        if (name === "style" || name === "object" || name === "embed") problems.push(`has a <${name}>`);
        if (name === "iframe" && !OWN_FRAMES.has(attributes["src"] ?? "")) problems.push(`has a <${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) problems.push(`has an event handler ${attribute}="${value}" on <${name}>`);
          if (attribute === "style") problems.push(`has a style attribute on <${name}>`);
          if (/^(href|src|action|formaction|xlink:href|data)$/i.test(attribute) && /^\s*javascript:/i.test(value.replace(/[\t\n\r]/g, ""))) {
            problems.push(`has a javascript: URL on <${name} ${attribute}>`);
          }
          if (attribute === "id") ids.set(value, (ids.get(value) ?? 0) + 1);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  for (const [id, count] of ids) {
    if (id.trim() === "") problems.push(`has an empty id=""`);
    else if (count > 1) problems.push(`has the id "${id}" ${count} times`);
  }
  return problems;
}
