import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysisFile, makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";
import { levelsWithLine } from "./levelsWithLine.ts";
import { expectRefusal, PINNED_NOW, runCli } from "./runCli.ts";

/** `chattr +i` makes a folder unwritable even for root; it needs root and a file system that has it. */
function chattrWorks(): boolean {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chattr-probe-"));
  writeFileSync(path.join(dir, "probe"), "");
  const works = spawnSync("chattr", ["+i", path.join(dir, "probe")]).status === 0;
  spawnSync("chattr", ["-i", path.join(dir, "probe")]);
  rmSync(dir, { recursive: true, force: true });
  return works;
}
const CHATTR = chattrWorks();
if (!CHATTR) console.warn("⚠ SKIPPED: `chattr +i` does not work here (not root, or no chattr), so npm run assess's unwritable-folder test cannot run.");

/**
 * `npm run assess` run as editors run it, in a copy of the project with its own levels.json (one
 * assessment a line, `$schema` and `sample` above them): what it refuses, leaving the file's
 * bytes and folder as they were, and what it records, which the next build publishes.
 */
describe("npm run assess", () => {
  let site: FixtureSite;
  let original: Buffer;
  beforeAll(async () => {
    site = await makeFixtureSite({ files: { "site/articles/still-a-draft.md": analysisFile(validAnalysis({ draft: true })) } });
    original = await readFile(levelsFile());
  });
  afterAll(() => site.remove());
  const levelsFile = () => path.join(site.root, "_data/levels.json");
  const dataFolder = () => readdir(path.join(site.root, "_data"));
  const run = (...args: string[]) => runCli(site.root, "recordAssessment", args);

  // The wording of each refusal is tested in-process (addAssessment.test.ts); here, what the
  // command does with it. They run side by side: each is a Node start.
  it("refuses bad values by their flag and a command line it cannot read, leaving the file byte for byte", async () => {
    const folder = await dataFolder();
    const results = await Promise.all([
      run("--level", "6", "--reason", "x"),
      run("--level", "x", "--reason", "x"),
      run("--level", "3", "--reason", "  "),
      run("--level", "3", "--reason", "x", "--date", "2026-06-02"),
      run("--level", "3", "--reason", "x", "--date", "2026-13-01"),
      run("--level", "3", "--reason", "x", "--article", "no-such-analysis"),
      run("--level", "3", "--reason", "x", "--article", "still-a-draft"),
      run("--level", "3", "--reason", "x", "--colour", "red"),
      run("--level", "3"),
    ]);
    const [six, x, emptyReason, future, malformed, unknown, draft, flag, noReason] = results;
    expectRefusal(six!, 1, /^✖ --level: is out of range; found 6\. Expected: a whole number from 1 \(Red, most severe\) to 5 \(Green, calm\)$/);
    expectRefusal(x!, 1, /^✖ --level: must be a whole number; found "x"/);
    expectRefusal(emptyReason!, 1, /^✖ --reason: must not be empty/);
    expectRefusal(future!, 1, '✖ --date: "2026-06-02" is in the future; an assessment is recorded once it is issued');
    expectRefusal(malformed!, 1, '✖ --date: "2026-13-01" is not a real calendar date or time');
    expectRefusal(unknown!, 1, /^✖ --article: links to "no-such-analysis", but there is no analysis no-such-analysis\.md/);
    expectRefusal(draft!, 1, '✖ --article: links to "still-a-draft", which is still a draft; publish it first or remove the link');
    expectRefusal(flag!, 2, "✖ unknown flag --colour. See: npm run assess -- --help");
    expectRefusal(noReason!, 2, /^✖ --reason is required/);
    expect((await readFile(levelsFile())).equals(original)).toBe(true);
    expect(await dataFolder()).toEqual(folder);
  });

  it("explains itself with --help", async () => {
    const help = await run("-h");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run assess -- --level N --reason "…"');
    expect(help.stdout).toMatch(/Exit codes: 0 recorded; 1 refused/);
  });

  it.skipIf(!CHATTR)("says in one line that it cannot write, and leaves the file as it was", async () => {
    const folder = await dataFolder();
    expect(spawnSync("chattr", ["+i", path.join(site.root, "_data")]).status).toBe(0);
    let result;
    try {
      result = await run("--level", "3", "--reason", "x");
    } finally {
      spawnSync("chattr", ["-i", path.join(site.root, "_data")]);
    }
    expectRefusal(result, 3, "✖ Could not write _data/levels.json: operation not permitted; check its permissions, and whether it is marked immutable (lsattr on Linux).");
    expect((await readFile(levelsFile())).equals(original)).toBe(true);
    expect(await dataFolder()).toEqual(folder);
  });

  describe("an assessment recorded, through the build", () => {
    const reason = 'Russia\'s "exercise" near the border: tension rises.';

    it("says what changed in the site's words, and adds one line to the file, in its style", async () => {
      const folder = await dataFolder();
      const result = await run("--level", "3", "--reason", reason, "--article", "china-russia-military-collaboration");
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(
        "Recorded in _data/levels.json: the assessment of 2026-06-01T10:20Z.\nDEFCON 5 Green → DEFCON 3 Yellow (raised)\n",
      );
      const added = `    { "date": "2026-06-01T10:20Z", "level": 3, "reason": ${JSON.stringify(reason)}, "article": "china-russia-military-collaboration" }`;
      expect(await readFile(levelsFile(), "utf8")).toBe(levelsWithLine(original.toString("utf8"), added));
      expect(await dataFolder()).toEqual(folder);
    });

    it("is the level the next build publishes", async () => {
      const build = await site.build({ DEFCON_BUILD_DATE: PINNED_NOW });
      expect(build.code, build.output).toBe(0);
      expect((await site.read("code.dat")).trim()).toBe("3");
      expect(await site.read("history/index.html")).toContain("Russia&#39;s &quot;exercise&quot; near the border: tension rises.");
    });
  });
});
