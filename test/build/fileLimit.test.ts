import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysisFile, makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";
import { buildCommandArgs } from "../../scripts/build/packageCommand.ts";

/** macOS's default limit is 256 open files; a build must never need one file handle per analysis. */
const FILE_LIMIT = 200;
const ANALYSES = 300;

describe(`a build of ${ANALYSES} analyses under a limit of ${FILE_LIMIT} open files`, () => {
  let site: FixtureSite;
  beforeAll(async () => {
    const analyses = Object.fromEntries(
      Array.from({ length: ANALYSES }, (_, i) => [
        `${2000 + (i % 20)}/analysis-${i + 1}`,
        analysisFile(validAnalysis({ title: `Analysis ${i + 1}`, date: `${2000 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}` })),
      ]),
    );
    site = await makeFixtureSite({ analyses });
  });
  afterAll(() => site?.remove());

  it("builds every page", async () => {
    const result = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(
        "bash",
        ["-c", `ulimit -n ${FILE_LIMIT} && exec "$0" "$@"`, process.execPath, ...buildCommandArgs(site.root)],
        // Shards of 100 records: several indexers read pages at once, as at 20,000 analyses.
        { cwd: site.root, env: { ...process.env, DEFCON_BUILD_DATE: "2026-06-01", DEFCON_SEARCH_SHARD_RECORDS: "100" }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
      ),
    );
    await site.keepDrawnCards();
    expect(result.output).not.toContain("EMFILE");
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(new RegExp(`✔ Search: ${ANALYSES} analyses and \\d+ assessments indexed in 4 shards`));
    expect(site.exists(`articles/analysis-${ANALYSES}/index.html`)).toBe(true);
  });
});
