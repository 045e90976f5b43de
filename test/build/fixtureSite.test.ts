import { lstat, realpath } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeFixtureSite, PROJECT_ROOT, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";
import { footerYears } from "../helpers/runningBuild.ts";
import { builtFixtureSite, sharedBuild } from "../helpers/sharedFixtureSite.ts";

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

describe("a fixture site shared by the run", () => {
  const options = { analyses: { "shared-piece": validAnalysis({ title: "Shared piece" }) } };
  const first = builtFixtureSite(options, { DEFCON_BUILD_DATE: "2026-02-01" });
  const same = builtFixtureSite(options, { DEFCON_BUILD_DATE: "2026-02-01" });
  const later = builtFixtureSite(options, { DEFCON_BUILD_DATE: "2031-02-01" });

  it("is built once for the same options and environment, in the run's folder, and again for another environment", async () => {
    expect(same.root).toBe(first.root);
    expect(later.root).not.toBe(first.root);
    expect(path.dirname(first.root)).toBe(inject("sharedFixtures"));
    expect(await first.read("index.html")).toContain("Shared piece");
    expect(new Set((await footerYears(first.output)).values())).toEqual(new Set(["2026"]));
    expect(new Set((await footerYears(later.output)).values())).toEqual(new Set(["2031"]));
  });

  it("answers a failed build to every file that asks for it, the ones waiting included, without building it again", async () => {
    const broken = { analyses: { "no-title": validAnalysis({ title: undefined }) } };
    const [builder, waiter] = await Promise.all([sharedBuild(broken, {}), sharedBuild(broken, {})]);
    expect(builder.code).toBe(1);
    expect(builder.output).toContain("no-title.md");
    expect(waiter).toEqual(builder);
  });
});
