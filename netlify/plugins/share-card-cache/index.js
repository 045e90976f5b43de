// @ts-check
/**
 * A local Netlify build plugin (netlify.toml [[plugins]]): keeps the drawn share cards in
 * Netlify's build cache between deploys, so that a build draws only the cards whose picture
 * changed (each card is named by the hash of its picture; scripts/shareCard/publishShareCards.ts).
 */
import { SHARE_CARD_CACHE } from "../../../scripts/shareCard/cacheFolder.js";

/** @typedef {{ utils: { cache: { restore(path: string): Promise<boolean>; save(path: string): Promise<boolean> } } }} PluginContext */

/** @param {PluginContext} context */
export async function onPreBuild({ utils }) {
  const restored = await utils.cache.restore(SHARE_CARD_CACHE);
  console.log(restored ? `Share cards: the cards of the last build were restored into ${SHARE_CARD_CACHE}/.` : "Share cards: no cards cached yet; every card is drawn.");
}

/** @param {PluginContext} context */
export async function onPostBuild({ utils }) {
  await utils.cache.save(SHARE_CARD_CACHE);
}
