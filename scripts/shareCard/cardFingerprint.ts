import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

let fingerprint: string | undefined;

/**
 * What a card's pixels depend on besides its element tree: the fonts, the worker that draws it
 * and the versions of satori and resvg. Part of every card's content hash, so that a new font or
 * library gives every card a new address (social platforms cache an image for weeks by its URL).
 */
export function rendererFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256");
  for (const name of ["satori", "@resvg/resvg-js"]) {
    hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\n`);
  }
  hash.update(readFileSync(new URL("./cardWorker.js", import.meta.url)));
  const fontsDir = new URL("./fonts/", import.meta.url);
  for (const name of readdirSync(fontsDir).filter((file) => file.endsWith(".woff")).sort()) {
    hash.update(name).update(readFileSync(new URL(name, fontsDir)));
  }
  fingerprint = hash.digest("hex");
  return fingerprint;
}

/** A card's content hash: its picture and the renderer. 16 hex digits name it in /cards/. */
export function cardHash(treeJson: string): string {
  return createHash("sha256").update(rendererFingerprint()).update(treeJson).digest("hex").slice(0, 16);
}
