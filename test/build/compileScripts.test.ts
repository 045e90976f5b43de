import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileBuild, compileScripts, COMPILED_BUILD_CACHE } from "../../scripts/build/compileScripts.js";
import { makeFixtureSite, type FixtureSite } from "../helpers/fixtureSite.ts";
import { STACK_LINE } from "../helpers/runningBuild.ts";

/** A line added to a copy's Eleventy configuration: a change to the build's own code. */
const CHANGED_CONFIG_LINE = 'eleventyConfig.addGlobalData("compiledChangeMarker", "a change to the code");';

/**
 * `npm run build` runs the build compiled to plain JavaScript (scripts/build/compileScripts.js); that
 * it publishes byte for byte what the TypeScript build publishes is buildHost.test.ts's first test.
 * Here: that a change to the code is always compiled, and that unchanged code is not compiled again.
 */
describe("the compiled build", () => {
  const sites: FixtureSite[] = [];
  let original: FixtureSite;
  let changed: FixtureSite;
  let copy: FixtureSite;

  beforeAll(async () => {
    original = await makeFixtureSite();
    const config = await readFile(path.join(original.root, ".eleventy.js"), "utf8");
    const changedConfig = config.replace("export default function (eleventyConfig) {", `$&\n  ${CHANGED_CONFIG_LINE}`);
    expect(changedConfig).not.toBe(config);
    [changed, copy] = await Promise.all([makeFixtureSite({ files: { ".eleventy.js": changedConfig } }), makeFixtureSite()]);
    sites.push(original, changed, copy);
  });
  afterAll(() => Promise.all(sites.map((site) => site.remove())));

  const lastCompiled = (site: FixtureSite) => path.join(site.root, COMPILED_BUILD_CACHE, "last-compiled-build.json");

  it("is compiled again when a file it comes from changes, and again when it changes back", async () => {
    const before = await compileBuild(original.root);
    const after = await compileBuild(changed.root);
    expect(after.eleventyConfig).not.toBe(before.eleventyConfig);
    expect(await readFile(after.eleventyConfig, "utf8")).toContain("compiledChangeMarker");
    expect(await readFile(before.eleventyConfig, "utf8")).not.toContain("compiledChangeMarker");
    // The last compilation was the changed copy's: the original must not be given it.
    expect(await readFile((await compileBuild(original.root)).eleventyConfig, "utf8")).not.toContain("compiledChangeMarker");
  });

  it("is not compiled again while its files read the same, in the project or in a copy of it", async () => {
    const first = await compileBuild(original.root);
    const recorded = (await stat(lastCompiled(original))).mtimeMs;
    // A copy's files have new modification times and the same contents.
    expect(await compileBuild(copy.root)).toEqual(first);
    expect(await compileBuild(original.root)).toEqual(first);
    expect((await stat(lastCompiled(original))).mtimeMs).toBe(recorded);
  });

  it("says in one line that the code cannot be compiled, naming the file, without a stack trace", async () => {
    const broken = await makeFixtureSite({ files: { ".eleventy.js": "export default function (eleventyConfig) {\n" } });
    sites.push(broken);
    const result = await broken.buildAsCommand();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("✖ The build's code could not be compiled; nothing was built.");
    expect(result.stderr).toMatch(/\.eleventy\.js:\d+:\d+/);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(broken.exists("index.html")).toBe(false);
  });
});

describe("the cache of compiled programs", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "defcon-compiled-"));
    await writeFile(path.join(root, "package.json"), '{ "type": "module" }\n');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const compileOne = async (name: string, n: number) => {
    await writeFile(path.join(root, `${name}.ts`), `export const n: number = ${n};\n`);
    return (await compileScripts(root, name, { [name]: `${name}.ts` }))[name]!;
  };
  const compiledFolders = async () =>
    (await readdir(path.join(root, COMPILED_BUILD_CACHE), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

  it("keeps a program that was just used, however many are compiled after it, and prunes only what has long been unused", async () => {
    // A long-running process (a build, a test run's build hosts) found its program compiled long ago.
    const inUse = await compileOne("in-use", 0);
    const longAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    await utimes(path.dirname(inUse), longAgo, longAgo);
    expect(await compileOne("in-use", 0)).toBe(inUse);

    // Then many other versions of another program are compiled while it runs.
    for (let n = 1; n <= 12; n++) await compileOne("other", n);
    expect(existsSync(inUse), "the program in use was removed from under it").toBe(true);
    expect(await compiledFolders()).toHaveLength(13);

    // Folders unused for days go, down to the newest few.
    for (const folder of await compiledFolders()) await utimes(path.join(root, COMPILED_BUILD_CACHE, folder), longAgo, longAgo);
    const latest = await compileOne("other", 13);
    const left = await compiledFolders();
    expect(left).toContain(path.basename(path.dirname(latest)));
    expect(left.length).toBeLessThan(13);
  });

  // Editors' commands started together on a fresh clone (or a test's several at once) all compile:
  // each one's pruning lists the cache while the others put their folders in place or drop them.
  it("serves every one of many compilations started together on an empty cache", async () => {
    for (let round = 0; round < 5; round++) {
      await rm(path.join(root, COMPILED_BUILD_CACHE), { recursive: true, force: true });
      await writeFile(path.join(root, "together.ts"), `export const round: number = ${round};\n`);
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => compileScripts(root, "together", { together: "together.ts" })));
      const failures = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
      expect(failures).toEqual([]);
      for (const result of results) expect(await readFile((result as PromiseFulfilledResult<Record<string, string>>).value["together"]!, "utf8")).toContain(`round = ${round}`);
    }
  });
});
