import { assessmentDate, isoDate, isoDateTime, readableDate, year } from "../text/dates.ts";
import { readingTime } from "../text/readingTime.ts";
import { groupByYear } from "../content/siteIndex.ts";
import { slugify } from "../content/slugify.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";


/** The template filters. Each is a plain function with its own module and tests. */
export default function filtersPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("readableDate", readableDate);
  eleventyConfig.addFilter("assessmentDate", assessmentDate);
  eleventyConfig.addFilter("isoDate", isoDate);
  eleventyConfig.addFilter("isoDateTime", isoDateTime);
  eleventyConfig.addFilter("year", year);
  eleventyConfig.addFilter("readingTime", readingTime);
  eleventyConfig.addFilter("groupByYear", groupByYear);
  eleventyConfig.addFilter("slugify", slugify);
}
