import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzippedSize } from "../../scripts/gates/gzippedSize.ts";

describe("gzippedSize", () => {
  /** `bytes` bytes of text like a script's: compressible, different for each seed. */
  const text = (bytes: number, seed: string) => {
    let out = "";
    for (let i = 0; out.length < bytes; i++) out += `${seed} line ${i} of a large asset;\n`;
    return out.slice(0, bytes);
  };

  it("is the gzipped length, for a small file and a large one, the first time and every time after", () => {
    for (const content of [text(1000, "small"), Buffer.from(text(600_000, "large"))]) {
      const expected = gzipSync(content).length;
      expect(gzippedSize(content)).toBe(expected);
      expect(gzippedSize(content)).toBe(expected);
    }
  });

  it("remembers a large file by its content, not its size or name: two files of one size each get their own", () => {
    const noise = randomBytes(300_000);
    const repetitive = Buffer.from(text(300_000, "same"));
    expect(noise.length).toBe(repetitive.length);
    expect(gzippedSize(repetitive)).toBe(gzipSync(repetitive).length);
    expect(gzippedSize(noise)).toBe(gzipSync(noise).length);
    expect(gzippedSize(noise)).toBeGreaterThan(gzippedSize(repetitive) * 10);
  });
});
