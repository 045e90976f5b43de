/** Where a JSON array and each of its elements are in a text, as offsets (end exclusive). */
export interface ArraySpans {
  /** The offset of `[`. */
  open: number;
  /** The offset of `]`. */
  close: number;
  elements: { start: number; end: number }[];
}

/**
 * Finds the array that is the value of `key` in the top-level object of `text`, which must be
 * valid JSON (JSON.parse accepted it). Returns undefined if there is no such array. As in
 * JSON.parse, the last of two equal keys counts. Knowing where each element is lets a command add
 * an entry while leaving every other byte of an editor's file as it was.
 */
export function topLevelArraySpans(text: string, key: string): ArraySpans | undefined {
  let at = skipSpace(text, 0);
  if (text[at] !== "{") return undefined;
  at = skipSpace(text, at + 1);
  let found: ArraySpans | undefined;
  while (text[at] === '"') {
    const keyEnd = skipString(text, at);
    const name = JSON.parse(text.slice(at, keyEnd)) as string;
    at = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
    const valueEnd = skipValue(text, at);
    if (name === key) found = text[at] === "[" ? arraySpans(text, at) : undefined;
    at = skipSpace(text, valueEnd);
    if (text[at] === ",") at = skipSpace(text, at + 1);
  }
  return found;
}

function arraySpans(text: string, open: number): ArraySpans {
  const elements: { start: number; end: number }[] = [];
  let at = skipSpace(text, open + 1);
  while (text[at] !== "]") {
    const end = skipValue(text, at);
    elements.push({ start: at, end });
    at = skipSpace(text, end);
    if (text[at] === ",") at = skipSpace(text, at + 1);
  }
  return { open, close: at, elements };
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && " \t\r\n".includes(text[at]!)) at++;
  return at;
}

/** From an opening quote to just past the closing one. */
function skipString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** From the first character of any JSON value to just past it. */
function skipValue(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return skipString(text, at);
  if (first === "{" || first === "[") {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const c = text[i];
      if (c === '"') i = skipString(text, i) - 1;
      else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return text.length;
  }
  let end = at;
  while (end < text.length && !",}] \t\r\n".includes(text[end]!)) end++;
  return end;
}
