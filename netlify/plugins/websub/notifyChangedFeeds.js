// @ts-check
/**
 * Tells each feed's WebSub hub that the feed changed, for the feeds that changed since the last
 * notification, so that feed readers subscribed through the hub get a new level or analysis at
 * once instead of at their next poll. Plain JavaScript: Netlify runs build plugins without tsx.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "htmlparser2";

/**
 * @typedef {{ file: string; self: string; hub: string; hash: string }} PublishedFeed
 * @typedef {{ notified: string[]; failed: string[]; hashes: Record<string, string> }} Notification
 */

/** A feed's own address and its hub, as the feed itself declares them (Atom, RSS or JSON Feed). */
function declaredLinks(/** @type {string} */ file, /** @type {string} */ text) {
  if (file.endsWith(".json")) {
    const json = JSON.parse(text);
    return { self: json.feed_url, hub: json.hubs?.find((/** @type {{ type: string }} */ h) => h.type === "WebSub")?.url };
  }
  const links = /** @type {{ name: string; attribs: Record<string, string> }[]} */ ([]);
  const visit = (/** @type {any} */ node) => {
    if (node.type === "tag" && (node.name === "link" || node.name === "atom:link")) links.push(node);
    for (const child of node.children ?? []) visit(child);
  };
  visit(parseDocument(text, { xmlMode: true }));
  const href = (/** @type {string} */ rel) => links.find((link) => link.attribs["rel"] === rel && link.attribs["href"])?.attribs["href"];
  return { self: href("self"), hub: href("hub") };
}

/** Every feed in `<publishDir>/feeds/` that declares a hub, with a hash of its bytes. */
export async function publishedFeeds(/** @type {string} */ publishDir) {
  const folder = path.join(publishDir, "feeds");
  const names = (await readdir(folder)).filter((name) => /\.(xml|json)$/.test(name)).sort();
  /** @type {PublishedFeed[]} */
  const feeds = [];
  for (const name of names) {
    const bytes = await readFile(path.join(folder, name));
    const { self, hub } = declaredLinks(name, bytes.toString("utf8"));
    if (self && hub) feeds.push({ file: `feeds/${name}`, self, hub, hash: createHash("sha256").update(bytes).digest("hex") });
  }
  return feeds;
}

/**
 * Publishes (hub.mode=publish) each feed whose bytes differ from `previous` (file → hash) to its
 * hub. A feed whose hub did not accept the notification keeps its old hash, so the next deploy
 * tries again. Never throws for a hub's answer: a deploy that succeeded stays succeeded.
 * @param {{ publishDir: string; previous: Record<string, string>; fetch?: typeof globalThis.fetch }} options
 * @returns {Promise<Notification>}
 */
export async function notifyChangedFeeds({ publishDir, previous, fetch = globalThis.fetch }) {
  const feeds = await publishedFeeds(publishDir);
  /** @type {Notification} */
  const result = { notified: [], failed: [], hashes: { ...previous } };
  for (const feed of feeds) {
    if (previous[feed.file] === feed.hash) continue;
    try {
      const response = await fetch(feed.hub, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ "hub.mode": "publish", "hub.url": feed.self }).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`the hub answered ${response.status}`);
      result.notified.push(feed.self);
      result.hashes[feed.file] = feed.hash;
    } catch (error) {
      result.failed.push(`${feed.self}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}
