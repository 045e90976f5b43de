// @ts-check
/**
 * A local Netlify build plugin (netlify.toml [[plugins]]): after a production deploy has
 * succeeded, the feeds that changed are announced to their WebSub hub (notifyChangedFeeds.js).
 * What was announced is remembered in Netlify's build cache, so an unchanged feed is not
 * announced again. Nothing runs on a developer's machine or in deploy previews.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { notifyChangedFeeds } from "./notifyChangedFeeds.js";

/** Hashes of the feeds last announced, kept between builds by utils.cache. */
const ANNOUNCED = ".netlify/websub-announced.json";

/** @param {{ constants: { PUBLISH_DIR: string }; utils: { cache: { restore(path: string): Promise<boolean>; save(path: string): Promise<boolean> }; status: { show(status: { title?: string; summary: string }): void } } }} context */
export async function onSuccess({ constants, utils }) {
  if (process.env["CONTEXT"] !== "production") return;
  await utils.cache.restore(ANNOUNCED);
  const previous = await readFile(ANNOUNCED, "utf8").then(JSON.parse, () => ({}));
  const { notified, failed, hashes } = await notifyChangedFeeds({ publishDir: constants.PUBLISH_DIR, previous });
  await mkdir(path.dirname(ANNOUNCED), { recursive: true });
  await writeFile(ANNOUNCED, JSON.stringify(hashes, null, 2));
  await utils.cache.save(ANNOUNCED);
  const told = notified.length ? `Told the hub about ${notified.length} changed feed(s): ${notified.join(", ")}.` : "No feed changed.";
  const missed = failed.length ? ` Not announced (tried again on the next deploy): ${failed.join("; ")}.` : "";
  utils.status.show({ title: "WebSub", summary: told + missed });
  console.log(`WebSub: ${told}${missed}`);
}
