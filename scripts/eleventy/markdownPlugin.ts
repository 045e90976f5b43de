import markdownIt from "markdown-it";

type EleventyConfig = any;

/**
 * Markdown for analyses. Raw HTML is off (`html: false`): an editor's `<script>` or `onclick`
 * is shown as text instead of reaching a reader; Eleventy's default would let it through.
 */
export default function markdownPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setLibrary("md", markdownIt({ html: false, linkify: false, typographer: true }));
}
