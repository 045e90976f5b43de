import path from "node:path";
import type { EleventyConfig } from "./eleventyConfig.ts";
import { contentOfBuild } from "./contentPlugin.ts";
import { planShareCards, PreparedCards, type CardSite, type ShareCards } from "../shareCard/shareCards.ts";
import { publishShareCards, type ShareCardReport } from "../shareCard/publishShareCards.ts";
import { readFile } from "node:fs/promises";

import { SHARE_CARD_CACHE } from "../shareCard/cacheFolder.js";

/** What the last build of each configuration drew, for the production build's summary. */
const reports = new WeakMap<EleventyConfig, ShareCardReport>();

export function shareCardReport(eleventyConfig: EleventyConfig): ShareCardReport | undefined {
  return reports.get(eleventyConfig);
}

/**
 * Share cards (Open Graph and Twitter images): global data `shareCards` names each page's card
 * (the current level's, or an analysis's own) for the base layout's meta tags; the PNGs are drawn
 * in worker threads while Eleventy renders the pages, and the build waits for them at its end.
 * Only builds for publishing draw them: `npm start` names the same cards but does not wait
 * minutes for thousands of pictures that no social platform will fetch from a laptop.
 */
export default function shareCardsPlugin(eleventyConfig: EleventyConfig): void {
  let planned: Promise<ShareCards> | undefined;
  let publishing: Promise<ShareCardReport> | undefined;
  // Across `npm start`'s rebuilds: a card whose analysis and level did not change is not laid out again.
  const prepared = new PreparedCards();

  eleventyConfig.on("eleventy.before", async ({ directories, outputMode, runMode }) => {
    planned = (async () => {
      const { content } = await contentOfBuild(eleventyConfig);
      // The same _data/site.json that templates see as `site`.
      const site = JSON.parse(await readFile(path.resolve("_data/site.json"), "utf8")) as CardSite;
      return planShareCards(content.level, content.analyses, site, prepared);
    })();
    if (outputMode !== "fs" || runMode !== "build") return;
    const cards = await planned;
    publishing = publishShareCards(cards.all, path.resolve(directories.output), path.resolve(SHARE_CARD_CACHE));
    // Awaited in eleventy.after; if rendering fails first, Eleventy never gets there.
    publishing.catch(() => {});
  });

  eleventyConfig.on("eleventy.after", async () => {
    if (publishing) reports.set(eleventyConfig, await publishing);
    publishing = undefined;
  });

  eleventyConfig.addGlobalData("shareCards", () => planned);
}
