/**
 * Fixture sites built once per test run and read by every test file that asks for the same one:
 * the same options and the same build environment make the same site, so the first file to ask
 * builds it (on a build host, as any fixture) and the others, in either worker, wait for that
 * build and read its output. A shared site is read-only: a test that changes or rebuilds its
 * fixture makes one of its own (makeFixtureSite). The sites are made in the run's folder for
 * them, which is removed after the run (test/globalSetup.ts).
 *
 * Which file builds a site is settled on disk: in the run's folder (`sharedFixtures`), the first
 * to make `<key>.claim/` builds, and writes `<key>.json` (where the site is, and how its build
 * ended) when it is done; the others wait for that file.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { beforeAll, expect, inject } from "vitest";
import { builtSiteIn, makeFixtureSite, type BuiltSite, type FixtureOptions } from "./fixtureSite.ts";

/** What the file that built a shared site leaves for the others. */
interface SharedBuild {
  root: string;
  code: number;
  output: string;
}

/** How long a file waits for another's build of the same site: as long as a build may take. */
const WAIT_MS = 120_000;

/** Builds the site, or waits for the file that is building it; answers where it is and how its build ended. */
export async function sharedBuild(options: FixtureOptions, env: Record<string, string>): Promise<SharedBuild> {
  const key = createHash("sha256").update(JSON.stringify({ options, env })).digest("hex").slice(0, 16);
  const folder = inject("sharedFixtures");
  const record = path.join(folder, `${key}.json`);
  const claimed = await mkdir(path.join(folder, `${key}.claim`)).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return false;
      throw error;
    },
  );
  if (!claimed) {
    const deadline = Date.now() + WAIT_MS;
    while (!existsSync(record)) {
      if (Date.now() > deadline) throw new Error(`the shared fixture ${key} was not built within ${WAIT_MS / 1000} s by the file building it`);
      await delay(50);
    }
    return JSON.parse(await readFile(record, "utf8")) as SharedBuild;
  }
  let built: SharedBuild;
  try {
    // Its cards are listed under the run, not under whichever file happened to build it first.
    const site = await makeFixtureSite(options, { in: folder, madeBy: "shared by the run" });
    const result = await site.build(env);
    built = { root: site.root, code: result.code, output: result.output };
  } catch (error) {
    built = { root: "", code: 1, output: `the shared fixture's build failed to run: ${String(error)}` };
  }
  // Written whole, then renamed: a waiting file never reads half a record.
  await writeFile(`${record}.partial`, JSON.stringify(built));
  await rename(`${record}.partial`, record);
  return built;
}

/**
 * For a `describe` block: the fixture site of `options`, built with `env` once for the whole run
 * (the build must succeed), ready before the block's first test.
 */
export function builtFixtureSite(options: FixtureOptions, env: Record<string, string> = {}): BuiltSite {
  let built: BuiltSite | undefined;
  beforeAll(async () => {
    const { root, code, output } = await sharedBuild(options, env);
    expect(code, output).toBe(0);
    built = builtSiteIn(root);
  });
  return new Proxy({} as BuiltSite, {
    get(_target, key) {
      if (!built) throw new Error("the fixture site is used before it was built (outside a test?)");
      return Reflect.get(built, key);
    },
  });
}
