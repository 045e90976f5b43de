// Draws one share card in a worker thread (publishShareCards.ts runs a pool of them): satori lays
// the element tree out into SVG with the shipped fonts, resvg paints it into a PNG. Plain
// JavaScript, so that a worker needs no TypeScript loader.
import { readdirSync, readFileSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import v8 from "node:v8";
import vm from "node:vm";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";

const fontsDir = new URL("./fonts/", import.meta.url);

/**
 * Every shipped font file, "noto-sans-<subset>-<weight>-normal.woff", as the family
 * "Noto Sans <subset>": satori falls back from one family to the next for a character the first
 * lacks, never within a family, so each subset is a family of its own (cardFonts.ts lists them).
 */
const fonts = readdirSync(fontsDir).flatMap((name) => {
  const parts = /^noto-sans-(.+)-(400|700)-normal\.woff$/.exec(name);
  if (!parts) return [];
  return [
    {
      name: `Noto Sans ${parts[1]}`,
      data: readFileSync(new URL(name, fontsDir)),
      weight: /** @type {400 | 700} */ (Number(parts[2])),
      style: /** @type {"normal"} */ ("normal"),
    },
  ];
});

/*
 * Each picture resvg paints holds about 3 MB outside the JavaScript heap until the object is
 * collected, and V8 does not count that memory, so it seldom collects: 4,000 cards grew the build
 * to 13 GB. Every few cards the worker collects garbage itself and lets the freed objects'
 * finalizers run; memory then stays flat.
 */
v8.setFlagsFromString("--expose-gc");
const collectGarbage = /** @type {() => void} */ (vm.runInNewContext("gc"));
const CARDS_BETWEEN_COLLECTIONS = 8;
let drawnSinceCollection = 0;

/**
 * @param {{ tree: unknown, width: number, height: number }} card
 * @returns {Promise<Uint8Array>} the PNG
 */
export default async function drawCard({ tree, width, height }) {
  const svg = await satori(/** @type {any} */ (tree), { width, height, fonts });
  const png = new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
  if (++drawnSinceCollection >= CARDS_BETWEEN_COLLECTIONS) {
    drawnSinceCollection = 0;
    await nextTurn();
    collectGarbage();
    await nextTurn();
  }
  return png;
}
