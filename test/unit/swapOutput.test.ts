import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { recoverInterruptedSwap, removeOldSite, swapOutput } from "../../scripts/build/swapOutput.ts";

async function site(dir: string, text: string) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "index.html"), text);
}

async function folder() {
  const root = await mkdtemp(path.join(os.tmpdir(), "defcon-swap-"));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const at = (name: string) => path.join(root, name);
  const page = (name: string) => readFile(path.join(root, name, "index.html"), "utf8");
  const listing = async () => (await readdir(root)).sort();
  return { root, at, page, listing };
}

describe("swapOutput", () => {
  it("replaces the live site with the staged one, the old one aside until removeOldSite deletes it", async () => {
    const { at, page, listing } = await folder();
    await site(at("_site"), "old");
    await site(at("_site.tmp"), "new");
    await swapOutput(at("_site.tmp"), at("_site"));
    expect(await page("_site")).toBe("new");
    expect(await page("_site.old")).toBe("old");
    expect(await removeOldSite(at("_site"))).toBeUndefined();
    expect(await listing()).toEqual(["_site"]);
  });

  it("works when there is no live site yet", async () => {
    const { at, page, listing } = await folder();
    await site(at("_site.tmp"), "first");
    await swapOutput(at("_site.tmp"), at("_site"));
    expect(await page("_site")).toBe("first");
    expect(await listing()).toEqual(["_site"]);
  });

  it("puts the old site back when the staged one cannot be moved in", async () => {
    const { at, page } = await folder();
    await site(at("_site"), "old");
    await expect(swapOutput(at("missing"), at("_site"))).rejects.toThrow();
    expect(await page("_site")).toBe("old");
  });
});

describe("recoverInterruptedSwap", () => {
  it("puts the old site back when a swap was cut off between its renames", async () => {
    const { at, page, listing } = await folder();
    await site(at("_site.old"), "old");
    await site(at("_site.tmp"), "new");
    expect(await recoverInterruptedSwap(at("_site"))).toBe(true);
    expect(await page("_site")).toBe("old");
    expect(await listing()).toEqual(["_site", "_site.tmp"]);
    expect(await recoverInterruptedSwap(at("_site"))).toBe(false);
  });

  it("leaves a live site alone, whatever is beside it", async () => {
    const { at, page } = await folder();
    await site(at("_site"), "new");
    await site(at("_site.old"), "old");
    expect(await recoverInterruptedSwap(at("_site"))).toBe(false);
    expect(await page("_site")).toBe("new");
  });
});
