import { lstat, realpath } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureSite, PROJECT_ROOT, type FixtureSite } from "../helpers/fixtureSite.ts";

describe("a fixture site", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await makeFixtureSite();
  });
  afterAll(() => site?.remove());

  it("runs the project's own code and packages, through links", async () => {
    for (const shared of ["scripts", "node_modules"]) {
      expect((await lstat(path.join(site.root, shared))).isSymbolicLink(), shared).toBe(true);
      expect(await realpath(path.join(site.root, shared))).toBe(await realpath(path.join(PROJECT_ROOT, shared)));
    }
    expect((await lstat(path.join(site.root, "_includes"))).isSymbolicLink()).toBe(false);
  });

  it("refuses to write into the linked code, which is the project's", async () => {
    await expect(site.write("scripts/build/injected.ts", "export {};")).rejects.toThrow(
      "scripts/build/injected.ts: a fixture's scripts/ is the project's own (linked), not a copy to change",
    );
    expect(existsSync(path.join(PROJECT_ROOT, "scripts/build/injected.ts"))).toBe(false);
  });
});
