import { mkdtemp, mkdir, readFile, writeFile, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { swapOutput } from "../../scripts/build/swapOutput.ts";

async function site(dir: string, text: string) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "index.html"), text);
}

describe("swapOutput", () => {
  it("replaces the live site with the staged one and leaves nothing aside", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "swap-"));
    await site(path.join(root, "_site"), "old");
    await site(path.join(root, "_site.tmp"), "new");
    await swapOutput(path.join(root, "_site.tmp"), path.join(root, "_site"));
    expect(await readFile(path.join(root, "_site/index.html"), "utf8")).toBe("new");
    expect((await readdir(root)).sort()).toEqual(["_site"]);
  });

  it("works when there is no live site yet", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "swap-"));
    await site(path.join(root, "_site.tmp"), "first");
    await swapOutput(path.join(root, "_site.tmp"), path.join(root, "_site"));
    expect(await readFile(path.join(root, "_site/index.html"), "utf8")).toBe("first");
  });

  it("puts the old site back when the staged one cannot be moved in", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "swap-"));
    await site(path.join(root, "_site"), "old");
    await expect(swapOutput(path.join(root, "missing"), path.join(root, "_site"))).rejects.toThrow();
    expect(await readFile(path.join(root, "_site/index.html"), "utf8")).toBe("old");
  });
});
