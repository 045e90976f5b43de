import { Parser } from "htmlparser2";
import { PARSER_OPTIONS, visibleTextCollector } from "./visibleText.ts";

/**
 * A URL the page points at. A "resource" is fetched by the browser as the page loads (scripts,
 * styles, images, frames, icons); a "link" is only followed when a reader chooses to.
 */
export interface Reference {
  url: string;
  kind: "resource" | "link";
  /** Where it was found, for messages: e.g. `<img src>`. */
  where: string;
}

/** Everything the gates need from one HTML page, gathered in a single streaming parse. */
export interface PageFacts {
  lang: string | undefined;
  titles: string[];
  descriptions: string[];
  canonicals: string[];
  h1Count: number;
  /** Fragment targets: every `id`, and `name` on <a>. */
  ids: Set<string>;
  references: Reference[];
  /** `<script>` elements without `src`, `<script src>` with code inside. */
  inlineScripts: number;
  /** `<style>` elements and `style=""` attributes (a strict CSP blocks both). */
  inlineStyles: string[];
  /** Event-handler attributes, e.g. `onclick on <button>`. */
  handlers: string[];
  /** `javascript:` URLs, e.g. `<a href="javascript:alert(1)">`. */
  javascriptUrls: string[];
  /** What a reader sees: markup removed, entities decoded, hidden parts left out; whitespace as written. */
  visibleText: string;
}

/** Attributes holding one URL, by element; `*` applies to all elements. */
const URL_ATTRIBUTES: Record<string, Record<string, Reference["kind"]>> = {
  a: { href: "link", ping: "link" },
  area: { href: "link" },
  form: { action: "link" },
  button: { formaction: "link" },
  input: { formaction: "link", src: "resource" },
  script: { src: "resource" },
  img: { src: "resource" },
  source: { src: "resource" },
  video: { src: "resource", poster: "resource" },
  audio: { src: "resource" },
  track: { src: "resource" },
  iframe: { src: "resource" },
  frame: { src: "resource" },
  embed: { src: "resource" },
  object: { data: "resource" },
  image: { href: "resource", "xlink:href": "resource" },
  use: { href: "resource", "xlink:href": "resource" },
  feimage: { href: "resource", "xlink:href": "resource" },
  blockquote: { cite: "link" },
  q: { cite: "link" },
  body: { background: "resource" },
  table: { background: "resource" },
  td: { background: "resource" },
};

/** `<link rel>` values that the browser fetches on its own; other rels (canonical, alternate…) are links. */
const FETCHED_RELS = new Set([
  "stylesheet", "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon",
  "manifest", "preload", "modulepreload", "prefetch", "prerender", "dns-prefetch", "preconnect",
]);

/** Browsers strip tabs and newlines from URLs before reading the scheme ("java\tscript:" runs). */
function isJavascriptUrl(value: string): boolean {
  return /^javascript:/i.test(value.replace(/[\t\n\r]/g, "").trim());
}

/** The URLs in a `srcset`: comma-separated candidates, each a URL then an optional descriptor. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url !== "");
}

/** The `url(...)` and `@import` targets in a piece of CSS. */
export function cssUrls(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const urls: string[] = [];
  for (const match of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) {
    urls.push(match[1] ?? match[2] ?? match[3] ?? "");
  }
  for (const match of text.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) urls.push(match[1] ?? match[2] ?? "");
  return urls.filter((url) => url !== "");
}

/** Reads an HTML page once and returns what the gates check. */
export function scanPage(html: string): PageFacts {
  const facts: PageFacts = {
    lang: undefined,
    titles: [],
    descriptions: [],
    canonicals: [],
    h1Count: 0,
    ids: new Set(),
    references: [],
    inlineScripts: 0,
    inlineStyles: [],
    handlers: [],
    javascriptUrls: [],
    visibleText: "",
  };
  const visible = visibleTextCollector();
  // Declared once per page, not once per element: this runs for every tag of 4,000 pages.
  const add = (name: string, url: string, kind: Reference["kind"], attribute: string) => {
    if (isJavascriptUrl(url)) facts.javascriptUrls.push(`<${name} ${attribute}="${url}">`);
    else facts.references.push({ url: url.trim(), kind, where: `<${name} ${attribute}>` });
  };
  // <title> inside inline SVG names the graphic, not the page.
  let svgDepth = 0;
  let inTitle = false;
  let title = "";
  let inScriptWithSrc = false;
  let inStyle = false;
  let styleText = "";

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        visible.onopentag(name, attribs);
        if (name === "html" && attribs["lang"] !== undefined) facts.lang = attribs["lang"];
        if (name === "svg") svgDepth++;
        if (name === "title" && svgDepth === 0) {
          inTitle = true;
          title = "";
        }
        if (name === "h1") facts.h1Count++;
        if (name === "script") {
          if (attribs["src"] === undefined) facts.inlineScripts++;
          else inScriptWithSrc = true;
        }
        if (name === "style") {
          facts.inlineStyles.push("<style> element");
          inStyle = true;
          styleText = "";
        }
        if (attribs["id"] !== undefined) facts.ids.add(attribs["id"]);
        if (name === "a" && attribs["name"] !== undefined) facts.ids.add(attribs["name"]);
        if (name === "meta" && attribs["name"]?.toLowerCase() === "description") facts.descriptions.push(attribs["content"] ?? "");

        for (const attribute in attribs) {
          const value = attribs[attribute]!;
          if (/^on[a-z]/.test(attribute)) facts.handlers.push(`${attribute} on <${name}>`);
          if (attribute === "style") {
            facts.inlineStyles.push(`style attribute on <${name}>`);
            for (const url of cssUrls(value)) facts.references.push({ url, kind: "resource", where: `<${name} style>` });
          }
        }

        if (name === "link" && attribs["href"] !== undefined) {
          const rels = (attribs["rel"] ?? "").toLowerCase().split(/\s+/);
          if (rels.includes("canonical")) facts.canonicals.push(attribs["href"]);
          add(name, attribs["href"], rels.some((rel) => FETCHED_RELS.has(rel)) ? "resource" : "link", "href");
        }
        for (const [attribute, kind] of Object.entries(URL_ATTRIBUTES[name] ?? {})) {
          const value = attribs[attribute];
          if (value !== undefined) add(name, value, kind, attribute);
        }
        if ((name === "img" || name === "source") && attribs["srcset"] !== undefined) {
          for (const url of srcsetUrls(attribs["srcset"])) add(name, url, "resource", "srcset");
        }
      },
      ontext(text) {
        visible.ontext(text);
        if (inTitle) title += text;
        if (inStyle) styleText += text;
        if (inScriptWithSrc && text.trim() !== "") {
          facts.inlineScripts++;
          inScriptWithSrc = false;
        }
      },
      onclosetag(name) {
        visible.onclosetag(name);
        if (name === "title" && inTitle) {
          facts.titles.push(title.replace(/\s+/g, " ").trim());
          inTitle = false;
        }
        if (name === "script") inScriptWithSrc = false;
        if (name === "svg" && svgDepth > 0) svgDepth--;
        if (name === "style" && inStyle) {
          for (const url of cssUrls(styleText)) facts.references.push({ url, kind: "resource", where: "<style>" });
          inStyle = false;
        }
      },
    },
    PARSER_OPTIONS,
  );
  parser.end(html);
  facts.visibleText = visible.text();
  return facts;
}
