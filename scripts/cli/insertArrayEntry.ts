import type { ArraySpans } from "./jsonArraySpans.ts";

/**
 * Inserts `entry` as element `index` of the array at `spans` in `text`, written the way the file
 * already writes its entries: on one line (`{ "date": "…", "level": 4 }`, with the neighbour's
 * spacing) or over several (with its indentation), separated as its entries are, with the file's
 * line ending. Every other byte is kept: key order, other top-level keys, the final newline.
 */
export function insertArrayEntry(text: string, spans: ArraySpans, index: number, entry: Record<string, unknown>): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const { elements } = spans;
  if (elements.length === 0) {
    const outer = /^[ \t]*/.exec(text.slice(text.lastIndexOf("\n", spans.open) + 1))?.[0] ?? "";
    const unit = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
    const written = spreadOver(entry, outer + unit, unit, eol);
    return text.slice(0, spans.open + 1) + eol + outer + unit + written + eol + outer + text.slice(spans.close);
  }
  const neighbour = elements[Math.max(0, index - 1)]!;
  const written = writtenLike(entry, text.slice(neighbour.start, neighbour.end), lineIndent(text, neighbour.start) ?? "", eol);
  // The text between two entries (",\n    "), taken where the new one goes, or from the array's opening.
  const pair = Math.min(Math.max(index - 1, 0), elements.length - 2);
  const separator =
    elements.length > 1 ? text.slice(elements[pair]!.end, elements[pair + 1]!.start) : "," + text.slice(spans.open + 1, elements[0]!.start);
  if (index === 0) return text.slice(0, elements[0]!.start) + written + separator + text.slice(elements[0]!.start);
  const after = elements[index - 1]!.end;
  return text.slice(0, after) + separator + written + text.slice(after);
}

/** The entry in the neighbour's style: one line with its spacing, or several lines with its indentation. */
function writtenLike(entry: Record<string, unknown>, neighbour: string, indent: string, eol: string): string {
  if (!neighbour.includes("\n")) {
    const inside = /^\{([ \t]*)/.exec(neighbour)?.[1] ?? "";
    const colon = /^\{\s*"(?:[^"\\]|\\.)*"[ \t]*:([ \t]*)/.exec(neighbour)?.[1] ?? "";
    const comma = /,([ \t]*)"/.exec(neighbour)?.[1] ?? "";
    const pairs = Object.entries(entry).map(([key, value]) => `${JSON.stringify(key)}:${colon}${JSON.stringify(value)}`);
    return `{${inside}${pairs.join(`,${comma}`)}${inside}}`;
  }
  const inner = /\n([ \t]*)\S/.exec(neighbour)?.[1] ?? indent + "  ";
  const unit = inner.startsWith(indent) && inner.length > indent.length ? inner.slice(indent.length) : "  ";
  return spreadOver(entry, indent, unit, eol);
}

function spreadOver(entry: Record<string, unknown>, indent: string, unit: string, eol: string): string {
  return JSON.stringify(entry, null, unit).split("\n").join(eol + indent);
}

/** The white space before `offset` on its line, or undefined if something else precedes it there. */
function lineIndent(text: string, offset: number): string | undefined {
  const before = text.slice(text.lastIndexOf("\n", offset - 1) + 1, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}
