import { ContentError, type Problem } from "../content/problem.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";


/** Eleventy's map from each page's address to the template that writes it. */
type UrlToInputPath = Record<string, { inputPath: string }>;

/**
 * Templates whose address leaves the output folder. Eleventy writes a page to the output folder
 * joined with its permalink and keeps the `..` parts that climb above it in the address
 * (`permalink: ../package.json` becomes "/../package.json"), so any `..` part left is an escape.
 */
export function escapingPermalinks(urlToInputPath: UrlToInputPath): Problem[] {
  return Object.entries(urlToInputPath)
    .filter(([url]) => url.split(/[/\\]/).includes(".."))
    .map(([url, { inputPath }]) => ({
      file: inputPath.replace(/^\.\//, ""),
      field: "permalink",
      message: `would write to "${url}", outside the built site; a permalink is an address inside the site, e.g. /about/`,
    }));
}

/**
 * Refuses, before anything is rendered or written, any page whose permalink would write outside
 * the output folder (into the project itself, for example over package.json).
 */
export default function permalinkGuardPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: UrlToInputPath }) => {
    const problems = escapingPermalinks(urlToInputPath);
    if (problems.length > 0) throw new ContentError(problems);
  });
}
