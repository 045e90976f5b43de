import { existsSync, writeFileSync } from "node:fs";
import { mkdir, rm, utimes } from "node:fs/promises";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import lockfile from "proper-lockfile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureSite, type BuildResult, type FixtureSite } from "../helpers/fixtureSite.ts";
import { footerYears, killRunningBuilds, LOCK, STACK_LINE, startBuild, STOPPED } from "../helpers/runningBuild.ts";

/**
 * One build at a time in a folder: a second build waits for the first, a busy build keeps its
 * lock, a dead build's lock is taken over, and a lost lock stops the build with one line.
 */

afterAll(killRunningBuilds);

describe("two builds started half a second apart in one folder", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await makeFixtureSite();
  });
  afterAll(() => site?.remove());

  it("run one after the other, and _site/ is wholly the output of the one that waited", async () => {
    const first = startBuild(site.root, { DEFCON_BUILD_DATE: "2026-01-15" });
    await delay(500);
    const second = startBuild(site.root, { DEFCON_BUILD_DATE: "2031-07-01" });
    const [a, b] = await Promise.all([first.done, second.done]);

    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    // Which one starts first is up to the machine; the other waits, saying so once, and runs last.
    const waitingLines = (r: BuildResult) => r.stdout.match(/Another build is running in this folder; waiting for it to finish/g)?.length ?? 0;
    expect([waitingLines(a), waitingLines(b)].sort()).toEqual([0, 1]);
    const lastYear = waitingLines(a) === 1 ? "2026" : "2031";
    const years = new Set((await footerYears(site.output)).values());
    expect([...years]).toEqual([lastYear]);
    expect(existsSync(path.join(site.root, "_site.tmp"))).toBe(false);
    expect(existsSync(path.join(site.root, "_site.old"))).toBe(false);
    expect(existsSync(path.join(site.root, LOCK))).toBe(false);
  });
});


describe("a build whose event loop is busy for longer than its lock's stale time", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    // Stands in for a large site's rendering, which holds the event loop for seconds on end
    // (9 s in one stretch at 4,000 analyses): global data that takes at least 3 s to return, and
    // until the test says the second build is waiting (the file "go"), so that a slow start of
    // the second build on a loaded machine cannot make it arrive after the first has finished.
    // It waits asleep (Atomics.wait), not spinning, so the processor goes to the second build,
    // which renders after "go" is there and so does not wait at all.
    site = await makeFixtureSite({
      files: {
        "_data/busy.js":
          'import { existsSync } from "node:fs";\n' +
          "export default function () {\n" +
          "  const start = Date.now();\n" +
          '  const hold = !existsSync("go");\n' +
          "  const nap = new Int32Array(new SharedArrayBuffer(4));\n" +
          '  while (hold && (Date.now() - start < 3000 || (!existsSync("go") && Date.now() - start < 60000))) Atomics.wait(nap, 0, 0, 20);\n' +
          "  return {};\n}\n",
      },
    });
  });
  afterAll(() => site?.remove());

  it("keeps its lock: a second build waits for it rather than taking it over", async () => {
    const env = { DEFCON_BUILD_LOCK_STALE_MS: "2000" };
    const first = startBuild(site.root, { ...env, DEFCON_BUILD_DATE: "2026-01-15" });
    while (!existsSync(path.join(site.root, LOCK)) && first.child.exitCode === null) await delay(10);
    const second = startBuild(site.root, { ...env, DEFCON_BUILD_DATE: "2031-07-01" });
    while (!second.output().includes("Another build is running") && second.child.exitCode === null) await delay(20);
    writeFileSync(path.join(site.root, "go"), "");
    const [a, b] = await Promise.all([first.done, second.done]);

    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    expect(b.stdout).toContain("Another build is running in this folder; waiting for it to finish");
    expect(new Set((await footerYears(site.output)).values())).toEqual(new Set(["2031"]));
  });
});

describe("the build lock", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await makeFixtureSite();
  });
  afterAll(() => site?.remove());

  it("is taken over from a build that died long ago, without waiting", async () => {
    await mkdir(path.join(site.root, LOCK));
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await utimes(path.join(site.root, LOCK), longAgo, longAgo);
    const result = await site.build({ DEFCON_BUILD_DATE: "2026-01-15" });
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toContain("Another build is running");
    expect(existsSync(path.join(site.root, LOCK))).toBe(false);
  });

  it("is released by a build stopped at the moment it took it, before it knew", async () => {
    // The lock's thread holds its "taken" report back for 1.5 s: a SIGTERM in that moment is the
    // race a stop can hit on any machine, for a few milliseconds, made wide enough to hit at will.
    const build = startBuild(site.root, { DEFCON_BUILD_DATE: "2026-01-15", DEFCON_BUILD_LOCK_REPORT_PAUSE_MS: "1500" });
    while (!existsSync(path.join(site.root, LOCK)) && build.child.exitCode === null) await delay(10);
    await build.signalScript("SIGTERM");
    const result = await build.done;
    expect(result.stderr.match(STOPPED), result.output).toHaveLength(1);
    expect(result.output).not.toMatch(STACK_LINE);
    expect(existsSync(path.join(site.root, LOCK)), "the lock is left behind").toBe(false);
  });

  it("is released by a build stopped while it gives the lock back, after publishing", async () => {
    // The lock's thread holds its release back for 1 s: a SIGTERM in that moment is the race a
    // stop right at the end of a build can hit, made wide enough to hit at will.
    const build = startBuild(site.root, { DEFCON_BUILD_DATE: "2031-07-01", DEFCON_BUILD_LOCK_RELEASE_PAUSE_MS: "1000" });
    while (!build.output().includes("✔ Built") && build.child.exitCode === null) await delay(10);
    await build.signalScript("SIGTERM");
    const result = await build.done;
    expect(result.stderr.match(STOPPED), result.output).toHaveLength(1);
    expect(result.stderr).toContain("the new site is already in _site/");
    expect(result.output).not.toMatch(STACK_LINE);
    expect(new Set((await footerYears(site.output)).values())).toEqual(new Set(["2031"]));
    expect(existsSync(path.join(site.root, LOCK)), "the lock is left behind").toBe(false);
  });

  it("held by a live build is waited for, and given up on with one clear line", async () => {
    const before = await site.read("index.html");
    const release = await lockfile.lock(site.root, { lockfilePath: path.join(site.root, LOCK), realpath: false });
    try {
      const result = await site.build({ DEFCON_BUILD_DATE: "2031-07-01", DEFCON_BUILD_LOCK_WAIT_MS: "1500" });
      expect(result.code, result.output).toBe(1);
      expect(result.stdout.match(/Another build is running in this folder; waiting for it to finish/g)).toHaveLength(1);
      expect(result.stderr).toMatch(/✖ Gave up after waiting 2 s for the other build in this folder; nothing was published\./);
      expect(result.output).not.toMatch(STACK_LINE);
      expect(await site.read("index.html")).toBe(before);
    } finally {
      await release();
    }
  });

  it("lost while held (its folder deleted), stops the build with one line and publishes nothing", async () => {
    const before = site.exists("index.html") ? await site.read("index.html") : "no site yet";
    const build = startBuild(site.root, { DEFCON_BUILD_LOCK_STALE_MS: "2000", DEFCON_BUILD_DATE: "2031-07-01" });
    while (!existsSync(path.join(site.root, "_site.tmp")) && build.child.exitCode === null) await delay(10);
    await rm(path.join(site.root, LOCK), { recursive: true, force: true });
    const result = await build.done;
    expect(result.code, result.output).toBe(1);
    expect(result.stderr.trim()).toBe(
      "✖ Build lost its lock on this folder (.build.lock/ was deleted, or taken over by another build while this one stalled); " +
        "nothing was published, _site/ was left as it was.",
    );
    expect(site.exists("index.html") ? await site.read("index.html") : "no site yet").toBe(before);
  });
});

