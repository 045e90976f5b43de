import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { EleventyConfig } from "./eleventyConfig.ts";


/** The site's one stylesheet, as an editor finds it. */
export const STYLESHEET = "site/assets/css/site.css";

/** `/assets/v/<hash>/site.css`: a new address whenever the content changes. */
export function stylesheetUrl(css: Buffer | string): string {
  return `/assets/v/${createHash("sha256").update(css).digest("hex").slice(0, 12)}/site.css`;
}

/**
 * Publishes the stylesheet under a content-addressed URL as well, so it can be cached for a year
 * (netlify.toml: /assets/v/*) while a changed stylesheet reaches readers at once under a new
 * address. Pages link the hashed copy (global data `stylesheetUrl`); the plain
 * /assets/css/site.css stays for the feeds' XSL view. The hash is taken when the config loads:
 * once per production build, and good enough for `npm start`, which serves without caching.
 */
export default function stylesheetPlugin(eleventyConfig: EleventyConfig): void {
  const url = stylesheetUrl(readFileSync(STYLESHEET));
  eleventyConfig.addPassthroughCopy({ [STYLESHEET]: url.slice(1) });
  eleventyConfig.addGlobalData("stylesheetUrl", url);
}
