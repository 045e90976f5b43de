import { readFileSync } from "node:fs";
import path from "node:path";
import { buildNow } from "../content/buildNow.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";


/**
 * Site-wide values that are not content: the absolute URL (Netlify sets `URL` to the
 * production address, so feeds and canonical links follow the real domain) and the year.
 */
export default function sitePlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addGlobalData("siteUrl", () => {
    const site = JSON.parse(readFileSync(path.join(process.cwd(), "_data/site.json"), "utf8")) as { url: string };
    return (process.env["URL"] || site.url).replace(/\/+$/, "");
  });
  eleventyConfig.addGlobalData("buildYear", () => buildNow().getUTCFullYear());
}
