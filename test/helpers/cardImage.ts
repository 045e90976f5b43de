import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { Resvg } from "@resvg/resvg-js";
import { commandRuns } from "./requiredTool.ts";

export const tesseract = {
  name: "Tesseract OCR",
  available: commandRuns("tesseract", ["--version"]),
  install: "apt-get install -y tesseract-ocr",
};

/** A PNG decoded: its size, and how many of its pixels have a colour (#rrggbb, opaque). */
export function decodePng(bytes: Buffer): { width: number; height: number; pixelsOf(colour: string): number } {
  const png = PNG.sync.read(bytes);
  return {
    width: png.width,
    height: png.height,
    pixelsOf(colour) {
      const [r, g, b] = [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16));
      let count = 0;
      for (let at = 0; at < png.data.length; at += 4) {
        if (png.data[at] === r && png.data[at + 1] === g && png.data[at + 2] === b && png.data[at + 3] === 255) count++;
      }
      return count;
    },
  };
}

/** The picture redrawn at another size (resvg's smooth scaling, as a browser shows a large image small). */
export function resizePng(bytes: Buffer, width: number, height: number): Buffer {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<image href="data:image/png;base64,${bytes.toString("base64")}" width="${width}" height="${height}"/></svg>`;
  return Buffer.from(new Resvg(svg).render().asPng());
}

/**
 * What Tesseract reads in a picture shown at width × height: the picture is first shrunk to that
 * size (everything finer is lost), then enlarged twofold, because Tesseract reads best at
 * print-like sizes; enlarging adds no detail back. Read twice, as a block of text and as sparse
 * text (each finds lines the other misses), and joined.
 */
export async function readTextAtSize(bytes: Buffer, width: number, height: number): Promise<string> {
  const shown = resizePng(resizePng(bytes, width, height), width * 2, height * 2);
  const dir = await mkdtemp(path.join(os.tmpdir(), "defcon-ocr-"));
  try {
    const file = path.join(dir, "card.png");
    await writeFile(file, shown);
    const readings = await Promise.all(
      ["3", "11"].map(async (mode) => (await run("tesseract", [file, "stdout", "--psm", mode], { encoding: "utf8", env: { ...process.env, OMP_THREAD_LIMIT: "1" } })).stdout),
    );
    return readings.join("\n").replace(/\s+/g, " ");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const run = promisify(execFile);
