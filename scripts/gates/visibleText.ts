import { Parser } from "htmlparser2";

/** Elements whose content a reader never sees as text on the page. */
const NEVER_VISIBLE = new Set(["head", "script", "style", "template", "noscript", "title", "iframe", "object"]);

/** Classes this site's CSS uses to hide text from sight (kept for screen readers). */
const HIDING_CLASSES = ["visually-hidden", "sr-only"];

/** Inline elements: no word boundary at their edges ("<em>un</em>fold" reads "unfold"). */
const INLINE = new Set([
  "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
  "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
]);

interface OpenElement {
  hides: boolean;
  closedDetails: boolean;
}

function hides(name: string, attribs: Record<string, string>, parent: OpenElement | undefined): boolean {
  if (NEVER_VISIBLE.has(name)) return true;
  // A closed <details> shows only its <summary> until the reader opens it.
  if (parent?.closedDetails === true && name !== "summary") return true;
  if ("hidden" in attribs || "inert" in attribs || attribs["aria-hidden"] === "true") return true;
  const style = attribs["style"];
  if (style !== undefined) {
    const compact = style.replace(/\s+/g, "").toLowerCase();
    if (compact.includes("display:none") || compact.includes("visibility:hidden")) return true;
  }
  const classes = attribs["class"];
  if (classes !== undefined && HIDING_CLASSES.some((c) => classes.includes(c))) {
    return classes.split(/\s+/).some((c) => HIDING_CLASSES.includes(c));
  }
  return false;
}

/**
 * Extracts what a reader sees of an HTML page, in one streaming pass: markup removed, entities
 * decoded, whitespace folded. Comments never count; hidden elements (see `hides`) are left out,
 * unless `includeHidden` (used to explain a failure: "present but hidden").
 */
export function pageText(html: string, includeHidden = false): string {
  const chunks: string[] = [];
  const stack: OpenElement[] = [];
  let hiddenDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element: OpenElement = {
          hides: !includeHidden && hides(name, attribs, stack[stack.length - 1]),
          closedDetails: name === "details" && !("open" in attribs),
        };
        stack.push(element);
        if (element.hides) hiddenDepth++;
        if (!INLINE.has(name)) chunks.push(" ");
      },
      onclosetag(name) {
        if (stack.pop()?.hides) hiddenDepth--;
        if (!INLINE.has(name)) chunks.push(" ");
      },
      ontext(text) {
        if (hiddenDepth === 0) chunks.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return foldWhitespace(chunks.join(""));
}

export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
