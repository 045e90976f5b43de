import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CONTENT_FILES } from "../content/loadContent.ts";
import { validateMeanings } from "../content/validateMeanings.ts";
import { levelTokens } from "../level/levelTokens.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";

/** Where the stylesheet's parts are, one file per component. */
export const STYLESHEET_DIR = "_includes/css";
/**
 * The parts in cascade order: the base (page colours, type, layout) first, the components, then
 * print, which overrides them all. A new part must be listed here (a test checks none is missing).
 */
export const STYLESHEET_PARTS = [
  "base.css",
  "header.css",
  "level.css",
  "home.css",
  "lists.css",
  "analysis.css",
  "levels.css",
  "history.css",
  "search.css",
  "feeds.css",
  "embed.css",
  "widget.css",
  "footer.css",
  "print.css",
] as const;
/** Where the stylesheet is also published under a fixed address, for the feeds' XSL view. */
export const PLAIN_STYLESHEET_URL = "/assets/css/site.css";

/** `/assets/v/<hash>/site.css`: a new address whenever the content changes. */
export function stylesheetUrl(css: Buffer | string): string {
  return `/assets/v/${createHash("sha256").update(css).digest("hex").slice(0, 12)}/site.css`;
}

/**
 * The published stylesheet, one file: the level colours from _data/levelMeanings.json as custom
 * properties and classes, then the parts in order. Invalid level meanings give no colours here;
 * loading the content refuses them, naming the file and the field, before anything is published.
 */
export function bundleStylesheet(root: string): string {
  const source = STYLESHEET_PARTS.map((part) => readFileSync(path.join(root, STYLESHEET_DIR, part), "utf8")).join("\n");
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(root, CONTENT_FILES.meanings), "utf8"));
  } catch {
    return source;
  }
  const { meanings } = validateMeanings(raw, CONTENT_FILES.meanings);
  return meanings ? `${levelTokens(meanings)}\n${source}` : source;
}

/**
 * Publishes the stylesheet under a content-addressed URL, so it can be cached for a year
 * (netlify.toml: /assets/v/*) while a changed stylesheet reaches readers at once under a new
 * address; pages link it (global data `stylesheetUrl`). The same text is also published at
 * /assets/css/site.css for the feeds' XSL view. It is bundled when the configuration loads: once
 * per production build; `npm start` needs a restart to show an edited stylesheet or colour.
 */
export default function stylesheetPlugin(eleventyConfig: EleventyConfig): void {
  const css = bundleStylesheet(process.cwd());
  const url = stylesheetUrl(css);
  for (const [name, permalink] of [["stylesheet-hashed", url], ["stylesheet-plain", PLAIN_STYLESHEET_URL]]) {
    eleventyConfig.addTemplate(`${name}.11ty.js`, {
      data: { permalink, eleventyExcludeFromCollections: true },
      render: () => css,
    });
  }
  eleventyConfig.addGlobalData("stylesheetUrl", url);
}
