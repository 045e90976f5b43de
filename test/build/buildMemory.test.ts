import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureSite, type FixtureSite } from "../helpers/fixtureSite.ts";
import { footerYears, STACK_LINE } from "../helpers/runningBuild.ts";

/**
 * `npm run build` starts the build with a heap limit sized to the archive (scripts/buildCommand.js).
 * A build that runs out of it is run again with Node's own limit, and the reader sees one line,
 * not V8's crash report.
 */
describe("npm run build, out of the memory it set aside", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await makeFixtureSite();
  });
  afterAll(() => site?.remove());

  it("builds again with Node's own limit, says so in one line, and publishes", async () => {
    // 16 MB is less than loading Eleventy takes: the first build is sure to run out.
    const result = await site.buildAsCommand({ DEFCON_BUILD_HEAP_MB: "16", DEFCON_BUILD_LOCK_STALE_MS: "2000", DEFCON_BUILD_DATE: "2031-07-01" });
    expect(result.code, result.output).toBe(0);
    expect(result.stderr).toMatch(/^⚠ The build ran out of the 16 MB of memory set aside for it; building again with Node's own limit \(\d+ MB\)/m);
    expect(result.output).not.toMatch(/FATAL ERROR|Last few GCs|heap out of memory|Native stack trace/);
    expect(result.output).not.toMatch(STACK_LINE);
    expect(result.stdout).toMatch(/^✔ Built \d+ pages into _site\//m);
    expect(new Set((await footerYears(site.output)).values())).toEqual(new Set(["2031"]));
  });

  it("refuses a limit that is not a number of megabytes, naming the variable, before building anything", async () => {
    const result = await site.buildAsCommand({ DEFCON_BUILD_HEAP_MB: "2 GB" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('✖ DEFCON_BUILD_HEAP_MB must be a whole number of megabytes, such as 2048; it is "2 GB"; nothing was built.');
  });
});
