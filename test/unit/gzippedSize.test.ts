import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzippedSize, gzippedSizesOnDemand, GZIPPED_SIZES_FILE, keepGzippedSizes, recallGzippedSizes } from "../../scripts/gates/gzippedSize.ts";
import { PROJECT_ROOT } from "../helpers/projectRoot.ts";

const run = promisify(execFile);

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

describe("gzippedSizesOnDemand", () => {
  it("measures a file the first time it is asked for, once, and never a file nobody asks for", () => {
    const looked = new Map<string, number>();
    const contents = new (class extends Map<string, Buffer> {
      override get(file: string) {
        looked.set(file, (looked.get(file) ?? 0) + 1);
        return super.get(file);
      }
    })([
      ["assets/site.css", Buffer.from("body { color: black; }\n".repeat(50))],
      ["admin/chunk.js", Buffer.from("var unused = 1;\n".repeat(50))],
    ]);
    const sizes = gzippedSizesOnDemand(contents);
    expect(sizes.get("assets/site.css")).toBe(gzipSync(contents.get("assets/site.css")!).length);
    looked.clear();
    expect(sizes.get("assets/site.css")).toBe(gzipSync(Map.prototype.get.call(contents, "assets/site.css") as Buffer).length);
    expect(sizes.get("missing.js")).toBeUndefined();
    expect([...looked]).toEqual([["missing.js", 1]]);
  });
});

describe("gzipped sizes kept between builds", () => {
  it("are read by the next build's process, which measures a remembered file no more", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "defcon-gzipped-sizes-"));
    try {
      const content = `${randomBytes(16).toString("hex")}\n`.repeat(20_000);
      const key = createHash("sha256").update(content).digest("hex");
      // A build measures the file and keeps its size.
      const measured = gzippedSize(content);
      keepGzippedSizes(root);
      const kept = JSON.parse(await readFile(path.join(root, GZIPPED_SIZES_FILE), "utf8")) as Record<string, number>;
      expect(kept[key]).toBe(measured);

      // The next build is another process; the size it finds kept is the one it uses (here a
      // changed one, to tell it from measuring again).
      await writeFile(path.join(root, GZIPPED_SIZES_FILE), JSON.stringify({ ...kept, [key]: 12_345 }));
      await writeFile(path.join(root, "asset.js"), content);
      const nextBuild = [
        'import { readFileSync } from "node:fs";',
        `import { gzippedSize, recallGzippedSizes } from ${JSON.stringify(path.join(PROJECT_ROOT, "scripts/gates/gzippedSize.ts"))};`,
        `recallGzippedSizes(${JSON.stringify(root)});`,
        `console.log(gzippedSize(readFileSync(${JSON.stringify(path.join(root, "asset.js"))})));`,
      ].join("\n");
      const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", nextBuild], { cwd: PROJECT_ROOT });
      expect(stdout.trim()).toBe("12345");
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("are measured again when the kept file is missing or unreadable", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "defcon-gzipped-sizes-"));
    try {
      await mkdir(path.dirname(path.join(root, GZIPPED_SIZES_FILE)), { recursive: true });
      await writeFile(path.join(root, GZIPPED_SIZES_FILE), "{ not json");
      recallGzippedSizes(root);
      const content = `${randomBytes(16).toString("hex")}\n`.repeat(20_000);
      expect(gzippedSize(content)).toBe(gzipSync(content).length);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
