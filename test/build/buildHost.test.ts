import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../scripts/gates/runGates.ts";
import type { HostBuildRequest, HostBuildResult } from "../helpers/buildHostPool.ts";
import { compileBuildHost, forkBuildHost } from "../helpers/forkBuildHost.ts";
import { makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";

/** Loaded into each process of a build: notes that it started, and every module hook it registers. */
const HOOKS_PROBE = `
import module from "node:module";
import { appendFileSync } from "node:fs";
const log = (line) => appendFileSync(new URL("./hooks-probe.log", import.meta.url), line + "\\n");
log("started " + process.argv.slice(1).join(" "));
const register = module.register;
module.register = function (specifier, ...rest) {
  log("registered " + String(specifier));
  return register.call(this, specifier, ...rest);
};
`;

/**
 * The warm build host that fixture sites build on must publish what `npm run build` publishes,
 * even after other sites were built in the same process: its whole point is to be the same build.
 */
describe("a warm build host", () => {
  const ENV = { DEFCON_BUILD_DATE: "2026-06-01" };
  const content = {
    analyses: {
      "korea-missile-tests": validAnalysis({ title: "Korea missile tests", body: "Korea launched missiles.\n\n## Why it matters\n\nText." }),
      "baltic-exercises": validAnalysis({ title: "Baltic exercises", date: "2024-06-01", regions: ["Eastern Europe"] }),
    },
    assessments: [
      { date: "2024-01-01", level: 5, reason: "Calm." },
      { date: "2024-05-02", level: 3, reason: "Tests.", article: "korea-missile-tests" },
    ],
  };

  const sites: FixtureSite[] = [];
  let host: ChildProcess;
  const buildOnThisHost = (site: FixtureSite) =>
    new Promise<HostBuildResult>((resolve) => {
      host.once("message", resolve);
      host.send({ root: site.root, env: ENV } satisfies HostBuildRequest);
    });
  let crashingHost: ChildProcess | undefined;
  let onHost: FixtureSite;
  let asCommand: FixtureSite;

  beforeAll(async () => {
    host = forkBuildHost(await compileBuildHost());
    // Another site first, with other content and a changed layout: nothing of it may carry over.
    const other = await makeFixtureSite({ analyses: { "other-piece": validAnalysis({ title: "Other piece" }) } });
    const layout = path.join(other.root, "_includes/layouts/base.njk");
    await other.write("_includes/layouts/base.njk", (await readFile(layout, "utf8")).replace("</main>", "<p>Only in the other site.</p></main>"));
    // A failed build too, which leaves Eleventy's copying running after it has failed.
    const failing = await makeFixtureSite({ analyses: { clash: validAnalysis({ extra: 'aliases: ["/about/"]' }) } });
    [onHost, asCommand] = await Promise.all([makeFixtureSite(content), makeFixtureSite(content)]);
    sites.push(other, failing, onHost, asCommand);

    expect((await buildOnThisHost(other)).code).toBe(0);
    expect((await buildOnThisHost(failing)).code).toBe(1);
    const hosted = await buildOnThisHost(onHost);
    expect(hosted.code, hosted.stderr).toBe(0);
    // The command's processes each note that they started, and any Node module hooks they register.
    await asCommand.write("hooks-probe.mjs", HOOKS_PROBE);
    const command = await asCommand.buildAsCommand({
      ...ENV,
      NODE_OPTIONS: `--import=${pathToFileURL(path.join(asCommand.root, "hooks-probe.mjs")).href}`,
    });
    expect(command.code, command.output).toBe(0);
  });
  afterAll(async () => {
    host?.kill();
    crashingHost?.kill();
    await Promise.all(sites.map((site) => site.remove()));
  });

  it("publishes byte for byte what npm run build publishes", async () => {
    const files = await listFiles(onHost.output);
    expect(files).toEqual(await listFiles(asCommand.output));
    expect(files.length).toBeGreaterThan(20);
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(onHost.output, file)), readFile(path.join(asCommand.output, file))]);
      // Absolute paths of the two fixture folders are the only thing allowed to differ.
      if (!a.equals(b) && a.toString().replaceAll(onHost.root, "ROOT") !== b.toString().replaceAll(asCommand.root, "ROOT")) differing.push(file);
    }
    expect(differing).toEqual([]);
  });

  it("renders without the module hooks of Eleventy's watch mode, which a build that renders once has no use for", async () => {
    const probed = (await readFile(path.join(asCommand.root, "hooks-probe.log"), "utf8")).trim().split("\n");
    expect(probed.some((line) => /^started .*build\.mjs/.test(line)), probed.join("\n")).toBe(true);
    expect(probed.filter((line) => line.startsWith("registered")), probed.join("\n")).toEqual([]);
  });

  it("refuses a fixture with an .eleventy.js of its own, which it would not load, rather than build it with the project's", async () => {
    const own = await makeFixtureSite({ files: { ".eleventy.js": (await readFile(path.join(onHost.root, ".eleventy.js"), "utf8")) + "\n// changed\n" } });
    sites.push(own);
    const answer = await buildOnThisHost(own);
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain("has an .eleventy.js of its own, which a build host does not load; build it with buildAsCommand");
    expect(own.exists("index.html")).toBe(false);
  });

  it("answers for a build that crashes as its process would: exit code 1 and the error, without hanging", async () => {
    // Global data that throws outside any promise the build awaits: an uncaught error.
    const crashes = { files: { "_data/crash.js": 'export default function () {\n  setTimeout(() => { throw new Error("crashed on purpose"); }, 0);\n  return {};\n}\n' } };
    // Two copies: a crashed build leaves its lock behind, for 20 s.
    const [crashing, crashingToo] = await Promise.all([makeFixtureSite(crashes), makeFixtureSite(crashes)]);
    sites.push(crashing, crashingToo);
    const command = await crashingToo.buildAsCommand(ENV);
    expect(command.code).toBe(1);
    expect(command.stderr).toContain("crashed on purpose");

    crashingHost = forkBuildHost(await compileBuildHost());
    const exited = new Promise<number | null>((resolve) => crashingHost!.once("exit", resolve));
    const answer = await new Promise<HostBuildResult>((resolve) => {
      crashingHost!.once("message", resolve);
      crashingHost!.send({ root: crashing.root, env: ENV } satisfies HostBuildRequest);
    });
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain("crashed on purpose");
    // Like the process, the host does not go on with whatever the crashed build left behind.
    expect(await exited).toBe(1);
  });
});
