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

/** Parser callbacks that collect a page's visible text; other parses call them from their own. */
export interface VisibleTextCollector {
  onopentag(name: string, attribs: Record<string, string>): void;
  onclosetag(name: string): void;
  ontext(text: string): void;
  /**
   * The text so far: markup removed, entities decoded (by the parser), whitespace NOT folded:
   * folding every page costs more than the rest of the gates; callers fold only when they must.
   */
  text(): string;
}

/**
 * Collects what a reader sees of an HTML page. Comments never count; hidden elements (see
 * `hides`) are left out, unless `includeHidden` (used to explain a failure: "present but hidden").
 */
export function visibleTextCollector(includeHidden = false): VisibleTextCollector {
  const chunks: string[] = [];
  const stack: OpenElement[] = [];
  let hiddenDepth = 0;
  return {
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
    text: () => chunks.join(""),
  };
}

/** Parser options shared by every parse of the output, so they all see the same text. */
export const PARSER_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } as const;

/** The visible text of a whole page, folded, in one streaming pass of its own. */
export function pageText(html: string, includeHidden = false): string {
  const collector = visibleTextCollector(includeHidden);
  new Parser(collector, PARSER_OPTIONS).end(html);
  return foldWhitespace(collector.text());
}

export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
