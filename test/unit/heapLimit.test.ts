import { mkdir, mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { archiveSize, buildHeapLimitMb, defaultHeapLimitMb, HEAP_LIMIT_ENV, heapLimitFor } from "../../scripts/build/heapLimit.js";

async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "defcon-heap-"));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

describe("archiveSize", () => {
  it("counts the Markdown files the build publishes, in folders too, and adds up their bytes", async () => {
    const root = await project({
      "site/articles/a.md": "x".repeat(100),
      "site/articles/2024/b.md": "x".repeat(20),
      "site/articles/2024/spring/c.md": "x".repeat(3),
      "site/articles/._a.md": "x".repeat(1000),
      "site/articles/.drafts/d.md": "x".repeat(1000),
      "site/articles/articles.11tydata.js": "x".repeat(1000),
      "site/articles/notes.txt": "x".repeat(1000),
    });
    expect(archiveSize(root)).toEqual({ analyses: 3, markdownBytes: 123 });
  });

  it("is empty for a project without analyses", async () => {
    expect(archiveSize(await project({ "site/index.njk": "" }))).toEqual({ analyses: 0, markdownBytes: 0 });
  });
});

describe("heapLimitFor", () => {
  it("gives a small site the floor, and grows with the number and the size of analyses", () => {
    expect(heapLimitFor({ analyses: 1, markdownBytes: 5_000 })).toBe(512);
    const base = heapLimitFor({ analyses: 20_000, markdownBytes: 20_000 * 6_750 });
    expect(heapLimitFor({ analyses: 40_000, markdownBytes: 40_000 * 6_750 })).toBeGreaterThan(1.9 * base);
    expect(heapLimitFor({ analyses: 20_000, markdownBytes: 20_000 * 20_000 })).toBeGreaterThan(2 * base);
  });

  it("leaves room above what a 20,000-analysis build was measured to keep (1.0 GB), under what keeps its process within 2 GB", () => {
    // docs/performance.md: the bench corpus at 20,000 analyses is 135 MB of Markdown.
    const limit = heapLimitFor({ analyses: 20_000, markdownBytes: 135_134_904 });
    expect(limit).toBeGreaterThanOrEqual(1.4 * 1000);
    expect(limit).toBeLessThanOrEqual(1600);
  });
});

describe("buildHeapLimitMb", () => {
  it("takes the limit from the environment when it is set, and refuses anything but whole megabytes", async () => {
    const root = await project({ "site/articles/a.md": "x" });
    expect(buildHeapLimitMb(root, { [HEAP_LIMIT_ENV]: "2048" })).toBe(2048);
    for (const bad of ["2 GB", "-1", "0", "1.5", "lots"]) expect(() => buildHeapLimitMb(root, { [HEAP_LIMIT_ENV]: bad }), bad).toThrow(HEAP_LIMIT_ENV);
  });

  it("sets a limit below Node's own, and none where Node's own is no larger", async () => {
    const small = await project({ "site/articles/a.md": "x" });
    expect(defaultHeapLimitMb()).toBeGreaterThan(512);
    expect(buildHeapLimitMb(small, {})).toBe(512);
    // A sparse file: 1 GiB of Markdown by its size, nothing on the disk.
    const large = await project({ "site/articles/a.md": "x" });
    await truncate(path.join(large, "site/articles/a.md"), 2 ** 30);
    expect(heapLimitFor(archiveSize(large))).toBeGreaterThan(defaultHeapLimitMb());
    expect(buildHeapLimitMb(large, {})).toBeUndefined();
  });
});
