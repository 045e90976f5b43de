import { existsSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkOrCopy } from "../../scripts/build/linkOrCopy.ts";

/** A folder on another filesystem than the temporary folder, if this machine has one (tmpfs). */
const OTHER_DISK = ["/dev/shm", "/run"].find((dir) => existsSync(dir) && statSync(dir).dev !== statSync(os.tmpdir()).dev);
if (!OTHER_DISK) console.warn("⚠ SKIPPED: no folder on a second filesystem (/dev/shm, /run), so copying across disks is not tried.");

describe("linkOrCopy", () => {
  const folders: string[] = [];
  let here: string;
  beforeAll(async () => {
    here = await mkdtemp(path.join(os.tmpdir(), "link-or-copy-"));
    folders.push(here);
  });
  afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("on one disk, makes a second name for the same file: no new file, nothing copied", async () => {
    const from = path.join(here, "bundle.js");
    await writeFile(from, "console.log('bundle');\n");
    await linkOrCopy(from, path.join(here, "linked.js"));
    const [original, placed] = await Promise.all([stat(from), stat(path.join(here, "linked.js"))]);
    expect(placed.ino).toBe(original.ino);
    expect(original.nlink).toBe(2);
    expect(await readFile(path.join(here, "linked.js"), "utf8")).toBe("console.log('bundle');\n");
  });

  it.skipIf(!OTHER_DISK)("across disks, copies the file", async () => {
    const there = await mkdtemp(path.join(OTHER_DISK!, "link-or-copy-"));
    folders.push(there);
    const from = path.join(here, "card.png");
    await writeFile(from, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await linkOrCopy(from, path.join(there, "card.png"));
    const [original, placed] = await Promise.all([stat(from), stat(path.join(there, "card.png"))]);
    expect(placed.ino === original.ino && placed.dev === original.dev).toBe(false);
    expect(original.nlink).toBe(1);
    expect(await readFile(path.join(there, "card.png"))).toEqual(await readFile(from));
  });

  it("reports any other failure, such as a name that is taken", async () => {
    const from = path.join(here, "taken.txt");
    await writeFile(from, "one");
    await writeFile(path.join(here, "other.txt"), "two");
    await expect(linkOrCopy(from, path.join(here, "other.txt"))).rejects.toMatchObject({ code: "EEXIST" });
    expect(await readFile(path.join(here, "other.txt"), "utf8")).toBe("two");
  });
});
