import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile, rename } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import lockfile from "proper-lockfile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysisFile, makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";
import { footerYears, killRunningBuilds, LOCK, STACK_LINE, startBuild, STOPPED } from "../helpers/runningBuild.ts";
import { listFiles } from "../../scripts/gates/runGates.ts";
import { seededRandom } from "../../scripts/bench/seededRandom.ts";

/**
 * A build is safe to interrupt and to kill: `_site/` is always one whole build's output, and
 * problems with the folder itself end in one line, never a stack.
 */

afterAll(killRunningBuilds);

/** Asserts that `root` holds a `_site/` (or, after a kill mid-swap, a `_site.old/`) with exactly `files`. */
async function expectWholeSite(root: string, files: string[], context: string): Promise<"live" | "aside"> {
  const live = path.join(root, "_site");
  if (existsSync(live)) {
    expect(await listFiles(live), `${context}: _site/ is not a whole site`).toEqual(files);
    return "live";
  }
  expect(await listFiles(`${live}.old`), `${context}: no _site/, and _site.old/ is not a whole site either`).toEqual(files);
  return "aside";
}

/** Resolves once a build's swap is between its two renames: the old site aside, the new one not yet in. */
async function swapWindow(root: string, timeoutMs: number): Promise<void> {
  const [live, aside, staged] = ["_site", "_site.old", "_site.tmp"].map((dir) => path.join(root, dir)) as [string, string, string];
  const deadline = Date.now() + timeoutMs;
  // A state left by an earlier kill looks the same; wait for the build to put _site/ back first.
  while (!existsSync(live)) {
    if (Date.now() > deadline) throw new Error("_site/ never came back");
    await delay(5);
  }
  while (!(existsSync(aside) && existsSync(staged) && !existsSync(live))) {
    if (Date.now() > deadline) throw new Error("the build never reached its swap");
    await delay(5);
  }
}

/** Waits until no live build holds the lock: gone, or stale after `staleMs` (left by a killed build). */
async function untilNoLiveLock(root: string, staleMs: number): Promise<void> {
  const options = { lockfilePath: path.join(root, LOCK), realpath: false, stale: staleMs };
  while (await lockfile.check(root, options)) await delay(100);
}


describe("a build that is interrupted or killed", () => {
  /** Short lock expiry (the production value is 20 s) and a swap held open, both for tests. */
  const TEST_ENV = { DEFCON_BUILD_LOCK_STALE_MS: "2000", DEFCON_BUILD_SWAP_PAUSE_MS: "300" };
  let site: FixtureSite;
  let files: string[];

  beforeAll(async () => {
    site = await makeFixtureSite();
    // The site the builds under test start from: built on a warm host (they run as the command).
    const first = await site.build({ ...TEST_ENV, DEFCON_BUILD_DATE: "2026-01-15" });
    expect(first.code, first.output).toBe(0);
    files = await listFiles(site.output);
    expect(files).toContain("index.html");
    expect(files).toContain("pagefind/pagefind.js");
    expect(files).toContain("sw.js");
  });
  afterAll(() => site?.remove());

  it("finishes the swap before obeying SIGTERM, so the new site is live", async () => {
    const build = startBuild(site.root, { ...TEST_ENV, DEFCON_BUILD_DATE: "2031-07-01", DEFCON_BUILD_SWAP_PAUSE_MS: "1500" });
    await swapWindow(site.root, 60_000);
    await build.signalScript("SIGTERM");
    const result = await build.done;

    expect(result.code, result.output).toBe(143);
    expect(result.stderr.match(STOPPED), result.output).toHaveLength(1);
    expect(result.stderr).toContain("✖ Build stopped by SIGTERM; the new site is already in _site/.");
    expect(result.output).not.toMatch(STACK_LINE);
    expect(await listFiles(site.output)).toEqual(files);
    expect(new Set((await footerYears(site.output)).values())).toEqual(new Set(["2031"]));
    expect(existsSync(path.join(site.root, LOCK)), "the lock was released").toBe(false);
  });

  it("killed (SIGKILL) between the swap's two renames, is repaired by the next build and by preview", async () => {
    const build = startBuild(site.root, { ...TEST_ENV, DEFCON_BUILD_DATE: "2036-01-01" });
    await swapWindow(site.root, 60_000);
    build.kill("SIGKILL");
    await build.done;
    // The one moment SIGKILL can cut: no _site/, the last site whole in _site.old/.
    expect(existsSync(site.output)).toBe(false);
    expect(await listFiles(`${site.output}.old`)).toEqual(files);
    await untilNoLiveLock(site.root, 2000);

    // The next build puts the last site back first, so that it stays whole even if this build fails (bad content).
    const analysis = "site/articles/china-russia-military-collaboration.md";
    const good = await readFile(path.join(site.root, analysis), "utf8");
    await site.write(analysis, analysisFile({ ...validAnalysis(), title: undefined }));
    try {
      const failed = await site.buildAsCommand({ ...TEST_ENV, DEFCON_BUILD_DATE: "2036-01-01" });
      expect(failed.code, failed.output).toBe(1);
      expect(failed.output).toContain("A build was killed while publishing; the site before it is back in _site/.");
      expect(failed.output).not.toMatch(STACK_LINE);
    } finally {
      await site.write(analysis, good);
    }
    expect(await listFiles(site.output)).toEqual(files);
    expect(new Set((await footerYears(site.output)).values())).toEqual(new Set(["2031"]));

    // Preview does the same: the state the kill left, again, is put back before serving.
    await rename(site.output, `${site.output}.old`);
    const preview = startBuild(site.root, { ...TEST_ENV, PORT: "0" }, ["--import", "tsx", "scripts/preview.ts"]);
    while (!preview.output().includes("Previewing _site/") && preview.child.exitCode === null) await delay(50);
    await preview.signalScript("SIGTERM");
    const previewed = await preview.done;
    expect(previewed.stdout, previewed.output).toContain("Previewing _site/");
    expect(await listFiles(site.output)).toEqual(files);
    expect(existsSync(`${site.output}.old`)).toBe(false);
  });

  it("killed at seeded-random moments with SIGKILL, SIGTERM or SIGINT, always leaves a whole site", async () => {
    const seed = Number(process.env["BUILD_SAFETY_SEED"] ?? 1984);
    const random = seededRandom(seed);
    // Moments: anywhere in a whole build (half the rounds), near its end, or inside the swap. The
    // first three rounds cover each signal and each kind of moment; then as many as fit in ~12 s.
    const signals: NodeJS.Signals[] = ["SIGKILL", "SIGTERM", "SIGINT"];
    const kinds = ["in the swap", "near the end", "anywhere"] as const;
    const budgetEnd = Date.now() + 12_000;
    const log: string[] = [];
    // When a build reaches its swap: measured in each swap round, the first of which is round 0.
    let swapAtMs = 0;
    for (let round = 0; round < 3 || Date.now() < budgetEnd; round++) {
      const signal = round < 3 ? signals[round]! : signals[Math.floor(random() * 3)]!;
      const pick = random();
      const kind = round < 3 ? kinds[round]! : pick < 0.25 ? "in the swap" : pick < 0.5 ? "near the end" : "anywhere";
      const atMs = Math.round(
        kind === "in the swap" ? random() * 250 : kind === "near the end" ? swapAtMs * (0.85 + random() * 0.25) : random() * swapAtMs * 1.1,
      );
      const context = `seed ${seed}, round ${round}: ${signal} ${kind === "in the swap" ? `${atMs} ms into the swap` : `after ${atMs} ms`}`;

      const startedAt = Date.now();
      const build = startBuild(site.root, { ...TEST_ENV, DEFCON_BUILD_DATE: "2026-01-15" });
      if (kind === "in the swap") {
        await swapWindow(site.root, 60_000);
        swapAtMs = Date.now() - startedAt;
      }
      await Promise.race([delay(atMs), build.done]);
      build.kill(signal);
      const result = await build.done;

      expect(result.output, context).not.toMatch(STACK_LINE);
      const stopLines = result.stderr.match(STOPPED)?.length ?? 0;
      expect(stopLines, `${context}\n${result.output}`).toBeLessThanOrEqual(1);
      let outcome = result.signal ?? `exit ${result.code}`;
      if (signal !== "SIGKILL") {
        // Finished, stopped cleanly with the signal's exit code, or ended by the signal itself
        // before its handlers were installed (Node's default), which is before it touched anything.
        if (result.signal !== signal) expect([0, 128 + os.constants.signals[signal]], `${context}\n${result.output}`).toContain(result.code);
        if (stopLines === 1) {
          expect(await lockfile.check(site.root, { lockfilePath: path.join(site.root, LOCK), realpath: false, stale: 2000 }), `${context}: the lock was released`).toBe(false);
          outcome += " (stopped with its line)";
        } else if (result.code !== 0) {
          // Stopped before it took the lock and installed its handlers.
          outcome += " (no line: stopped before the lock was taken)";
        }
      }
      await untilNoLiveLock(site.root, 2000);
      log.push(`${context} → ${outcome}, ${await expectWholeSite(site.root, files, context)}`);
    }

    const last = await site.build({ ...TEST_ENV, DEFCON_BUILD_DATE: "2026-01-15" });
    expect(last.code, last.output).toBe(0);
    expect(await listFiles(site.output)).toEqual(files);
    expect(existsSync(path.join(site.root, "_site.old"))).toBe(false);
    expect(existsSync(path.join(site.root, "_site.tmp"))).toBe(false);
    console.log(log.join("\n"));
  });
});

function chattrWorks(): boolean {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chattr-probe-"));
  const file = path.join(dir, "probe");
  writeFileSync(file, "");
  const works = spawnSync("chattr", ["+i", file]).status === 0;
  spawnSync("chattr", ["-i", file]);
  rmSync(dir, { recursive: true, force: true });
  return works;
}
const CHATTR = chattrWorks();
if (!CHATTR) console.warn("⚠ SKIPPED: `chattr +i` does not work here (not root, or no chattr), so the undeletable-folder tests cannot run.");

describe.skipIf(!CHATTR)("a folder the build cannot delete", () => {
  let site: FixtureSite;
  const immutable: string[] = [];
  const setImmutable = (file: string, on: boolean) => {
    expect(spawnSync("chattr", [on ? "+i" : "-i", file]).status).toBe(0);
    if (on) immutable.push(file);
  };
  beforeAll(async () => {
    site = await makeFixtureSite();
    // Only the site to start from: the builds under test below run as the command.
    const first = await site.build({ DEFCON_BUILD_DATE: "2026-01-15" });
    expect(first.code, first.output).toBe(0);
  });
  afterAll(async () => {
    for (const file of immutable) spawnSync("chattr", ["-i", file]);
    await site?.remove();
  });

  it("still publishes the new site, and warns that the old one is left in _site.old/", async () => {
    setImmutable(path.join(site.output, "index.html"), true);
    const result = await site.buildAsCommand({ DEFCON_BUILD_DATE: "2031-07-01" });
    immutable.push(path.join(site.root, "_site.old/index.html"));

    expect(result.code, result.output).toBe(0);
    expect(result.stderr).toContain(
      "⚠ The new site is live, but could not remove _site.old/: operation not permitted (_site.old/index.html); delete it by hand",
    );
    expect(result.output).not.toMatch(STACK_LINE);
    expect(new Set((await footerYears(site.output)).values())).toEqual(new Set(["2031"]));
  });

  it("refuses to start while it is there, in one line, leaving _site/ as it was", async () => {
    const before = await site.read("index.html");
    const result = await site.buildAsCommand({ DEFCON_BUILD_DATE: "2036-01-01" });
    expect(result.code, result.output).toBe(1);
    expect(result.stderr.trim()).toBe(
      "✖ Could not remove _site.old/, left by an earlier build: operation not permitted (_site.old/index.html). " +
        "Delete it by hand, then build again; _site/ was left as it was.",
    );
    expect(await site.read("index.html")).toBe(before);
    expect(existsSync(path.join(site.root, LOCK))).toBe(false);
  });

  it("reports a folder it cannot write in one line, naming it and what to do", async () => {
    setImmutable(site.root, true);
    const result = await site.buildAsCommand({ DEFCON_BUILD_DATE: "2036-01-01" });
    setImmutable(site.root, false);
    expect(result.code, result.output).toBe(1);
    expect(result.stderr.trim()).toBe(
      "✖ Could not create .build.lock: operation not permitted; check its permissions, and whether it is marked immutable (lsattr on Linux).",
    );
  });
});
