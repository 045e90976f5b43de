// The site's table of contents. Each concern lives in its own plugin under scripts/eleventy/;
// they are TypeScript, so Eleventy runs under tsx (see package.json and scripts/build.ts).
import { IdAttributePlugin } from "@11ty/eleventy";
import contentPlugin from "./scripts/eleventy/contentPlugin.ts";
import filtersPlugin from "./scripts/eleventy/filtersPlugin.ts";
import markdownPlugin from "./scripts/eleventy/markdownPlugin.ts";
import sitePlugin from "./scripts/eleventy/sitePlugin.ts";

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(contentPlugin); // validation at the door, the level model, drafts
  eleventyConfig.addPlugin(filtersPlugin); // dates, reading time, grouping
  eleventyConfig.addPlugin(markdownPlugin); // markdown-it, raw HTML off
  eleventyConfig.addPlugin(sitePlugin); // absolute URL, copyright year
  eleventyConfig.addPlugin(IdAttributePlugin); // ids on headings, so sections can be linked

  eleventyConfig.addPassthroughCopy({ "site/assets": "assets" });
  eleventyConfig.setQuietMode(true);
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
