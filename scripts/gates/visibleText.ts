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
  if ("hidden" in attribs || "inert" in attribs) return true;
  if (attribs["aria-hidden"] === "true") return true;
  const style = (attribs["style"] ?? "").replace(/\s+/g, "").toLowerCase();
  if (style.includes("display:none") || style.includes("visibility:hidden")) return true;
  const classes = (attribs["class"] ?? "").split(/\s+/);
  if (HIDING_CLASSES.some((c) => classes.includes(c))) return true;
  // A closed <details> shows only its <summary> until the reader opens it.
  return parent?.closedDetails === true && name !== "summary";
}

export interface PageText {
  /** What a reader sees: markup removed, entities decoded, whitespace folded. */
  visible: string;
  /** All text including hidden elements (not comments), folded the same way; for diagnostics. */
  all: string;
}

/**
 * Extracts the visible text of an HTML page in one streaming pass. Comments never count;
 * text inside hidden elements (see `hides`) is left out of `visible`.
 */
export function pageText(html: string): PageText {
  const visible: string[] = [];
  const all: string[] = [];
  const stack: OpenElement[] = [];
  let hiddenDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element: OpenElement = {
          hides: hides(name, attribs, stack[stack.length - 1]),
          closedDetails: name === "details" && !("open" in attribs),
        };
        stack.push(element);
        if (element.hides) hiddenDepth++;
        if (!INLINE.has(name)) {
          visible.push(" ");
          all.push(" ");
        }
      },
      onclosetag(name) {
        const element = stack.pop();
        if (element?.hides) hiddenDepth--;
        if (!INLINE.has(name)) {
          visible.push(" ");
          all.push(" ");
        }
      },
      ontext(text) {
        all.push(text);
        if (hiddenDepth === 0) visible.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { visible: foldWhitespace(visible.join("")), all: foldWhitespace(all.join("")) };
}

export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
