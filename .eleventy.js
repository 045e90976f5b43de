// The site's table of contents. Each concern lives in its own plugin under scripts/eleventy/;
// they are TypeScript: `npm start` runs Eleventy under tsx, and `npm run build` compiles this file
// with them (scripts/build/compileScripts.js).
import contentPlugin from "./scripts/eleventy/contentPlugin.ts";
import filtersPlugin from "./scripts/eleventy/filtersPlugin.ts";
import markdownPlugin from "./scripts/eleventy/markdownPlugin.ts";
import sitePlugin from "./scripts/eleventy/sitePlugin.ts";
import stylesheetPlugin from "./scripts/eleventy/stylesheetPlugin.ts";
import levelPlugin from "./scripts/eleventy/levelPlugin.ts";
import feedsPlugin from "./scripts/eleventy/feedsPlugin.ts";
import aliasesPlugin from "./scripts/eleventy/aliasesPlugin.ts";
import permalinkGuardPlugin from "./scripts/eleventy/permalinkGuardPlugin.ts";
import shareCardsPlugin from "./scripts/eleventy/shareCardsPlugin.ts";
import cmsPlugin from "./scripts/eleventy/cmsPlugin.ts";
import searchPlugin from "./scripts/eleventy/searchPlugin.ts";

/** @param {import("./scripts/eleventy/eleventyConfig.ts").EleventyConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(contentPlugin); // validation at the door, the level model, drafts
  eleventyConfig.addPlugin(filtersPlugin); // dates, reading time, grouping
  eleventyConfig.addPlugin(markdownPlugin); // markdown-it: raw HTML off, linkable headings
  eleventyConfig.addPlugin(sitePlugin); // absolute URL, copyright year
  eleventyConfig.addPlugin(stylesheetPlugin); // the stylesheet under a content-hashed URL, cached for a year
  eleventyConfig.addPlugin(levelPlugin); // history chart and stats, level API, badge, level at publication
  eleventyConfig.addPlugin(feedsPlugin); // analyses and level assessments as Atom, RSS, JSON Feed
  eleventyConfig.addPlugin(aliasesPlugin); // old addresses of analyses → 301s in _redirects
  eleventyConfig.addPlugin(permalinkGuardPlugin); // no page may write outside the output folder
  eleventyConfig.addPlugin(shareCardsPlugin); // Open Graph images, drawn beside the rendering, cached by content
  eleventyConfig.addPlugin(searchPlugin); // the search index's shards, for the search page to merge
  eleventyConfig.addPlugin(cmsPlugin); // the editors' CMS at /admin/: Decap's bundle, its configuration from the schemas

  // Hidden files are never pages: macOS writes `.DS_Store` and `._name.md` beside editors' files.
  eleventyConfig.ignores.add("site/**/.*");
  eleventyConfig.ignores.add("site/**/.*/**");

  eleventyConfig.addPassthroughCopy({ "site/assets": "assets" });
  eleventyConfig.setQuietMode(true);
  // Eleventy's watcher parses imported JavaScript to find dependencies and cannot read our
  // TypeScript plugins; content and templates are still watched. Restart after editing scripts/.
  eleventyConfig.setWatchJavaScriptDependencies(false);
}

export const config = {
  dir: {
    input: "site",
    includes: "../_includes",
    data: "../_data",
  },
  templateFormats: ["njk", "md"],
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
};
