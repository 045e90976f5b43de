import markdownIt from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import { slugify } from "../content/slugify.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";

/** Ids the page around an analysis already uses (base layout, search box): a heading may not take them. */
const LAYOUT_IDS = new Set(["main", "site-search-q"]);

/**
 * A heading's id: its words ("## Independence" → "independence"); "section" when it has none
 * ("## {{ }}"), and "<words>-section" when the layout already uses the id ("## Main").
 */
export function headingId(text: string): string {
  const slug = slugify(text);
  if (slug === "") return "section";
  return LAYOUT_IDS.has(slug) ? `${slug}-section` : slug;
}

/**
 * Markdown for analyses and pages. Raw HTML is off (`html: false`): an editor's `<script>` or
 * `onclick` is shown as text instead of reaching a reader; Eleventy's default would let it through.
 * Headings get ids ("## Independence" → #independence) so sections can be linked.
 */
export default function markdownPlugin(eleventyConfig: EleventyConfig): void {
  const md = markdownIt({ html: false, linkify: false, typographer: true }).use(markdownItAnchor, {
    level: [2, 3, 4],
    slugify: headingId,
    tabIndex: false,
  });
  eleventyConfig.setLibrary("md", md);
}
