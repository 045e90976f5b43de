import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeNewFile } from "../../scripts/cli/writeNewFile.ts";

let dir: string | undefined;
afterEach(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe("writing a new analysis file", () => {
  it("writes a file that does not exist", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "defcon-new-file-"));
    expect(await writeNewFile(path.join(dir, "a.md"), "text")).toBe(true);
    expect(await readFile(path.join(dir, "a.md"), "utf8")).toBe("text");
  });

  it("never overwrites one that appeared meanwhile, even between a check and the write", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "defcon-new-file-"));
    await writeFile(path.join(dir, "a.md"), "another editor's analysis");
    expect(await writeNewFile(path.join(dir, "a.md"), "text")).toBe(false);
    expect(await readFile(path.join(dir, "a.md"), "utf8")).toBe("another editor's analysis");
    expect(await readdir(dir)).toEqual(["a.md"]);
  });
});
