/**
 * Characters that are never text: control characters other than tab, line feed and carriage
 * return, DEL and the C1 controls, Unicode noncharacters, and halves of a character (lone
 * surrogates, which YAML and JSON escapes such as "\uD800" can produce). HTML calls them parse
 * errors and XML feeds cannot carry them; they usually arrive by pasting from another program.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** "U+0008" for the first such character in `text`, with its line and column; undefined if none. */
export function findInvisibleCharacter(text: string): { code: string; line: number; column: number } | undefined {
  const match = INVISIBLE.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  return {
    code: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
    line: before.split("\n").length,
    column: before.length - before.lastIndexOf("\n"),
  };
}

/** The problem message for a text that holds one, or undefined. */
export function invisibleCharacterMessage(text: string, where: "file" | "value"): string | undefined {
  const found = findInvisibleCharacter(text);
  if (!found) return undefined;
  const at = where === "file" ? ` at line ${found.line}, column ${found.column}` : "";
  return `contains an invisible control character (${found.code})${at}, which is not text; delete it (it usually comes from pasting)`;
}
