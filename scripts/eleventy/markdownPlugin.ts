import markdownIt from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import { slugify } from "../content/slugify.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";


/**
 * Markdown for analyses and pages. Raw HTML is off (`html: false`): an editor's `<script>` or
 * `onclick` is shown as text instead of reaching a reader; Eleventy's default would let it through.
 * Headings get ids ("## Independence" → #independence) so sections can be linked.
 */
export default function markdownPlugin(eleventyConfig: EleventyConfig): void {
  const md = markdownIt({ html: false, linkify: false, typographer: true }).use(markdownItAnchor, {
    level: [2, 3, 4],
    slugify,
    tabIndex: false,
  });
  eleventyConfig.setLibrary("md", md);
}
