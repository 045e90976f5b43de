/**
 * A build host: a Node process, started as `npm run build` starts (with tsx), that runs fixture
 * builds one after another on request, so that tests pay for Node, tsx and Eleventy's own start
 * once instead of once per build. Each build imports the fixture's own copy of the build, in the
 * fixture's folder, with the test's environment, and its console output is captured.
 *
 * Code is loaded once per fixture folder: a test that changes a fixture's scripts, `.eleventy.js` or
 * `.11tydata.js` between two builds must build with `buildAsCommand`.
 *
 * Receives `{ root, env }` over IPC; answers `{ code, stdout, stderr }` (buildHostPool.ts).
 */
import path from "node:path";
// Loaded once, before the first build asks for it: every fixture resolves the same Eleventy
// (their node_modules is a link to the project's).
import "@11ty/eleventy";
import { format } from "node:util";
import { pathToFileURL } from "node:url";

import type { HostBuildRequest, HostBuildResult } from "./buildHostPool.ts";

type ConsoleMethod = "log" | "info" | "warn" | "error";

/** Eleventy's own modules, by file: the ones whose process-wide caches a fresh process would not have. */
const eleventyModule = (file: string) => import(new URL(file, import.meta.resolve("@11ty/eleventy")).href);
const [{ default: eventBus }, { default: TemplateContent }] = await Promise.all([
  eleventyModule("./EventBus.js"),
  eleventyModule("./TemplateContent.js"),
]);

/**
 * Empties the caches Eleventy keeps for the whole process rather than for one Eleventy: layouts
 * (keyed by a path relative to the project, the same in every fixture), file contents and compiled
 * templates. Eleventy's watch mode empties the same ones when a file changes.
 */
function forgetEarlierBuilds(): void {
  eventBus.emit("eleventy.resourceModified", "", [], {});
  eventBus.emit("eleventy.compileCacheReset");
  TemplateContent._inputCache.clear();
}

async function buildIn(root: string): Promise<number> {
  forgetEarlierBuilds();
  const load = (file: string) => import(pathToFileURL(path.join(root, "scripts/build", file)).href);
  const { productionBuild } = await load("productionBuild.ts");
  const { reportingEnvironmentProblems } = await load("environmentProblem.ts");
  return reportingEnvironmentProblems(root, () => productionBuild(root));
}

async function run({ root, env }: HostBuildRequest): Promise<HostBuildResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = { cwd: process.cwd(), env: { ...process.env }, console: { ...console } };
  const capture = (method: ConsoleMethod, into: string[]) => {
    console[method] = (...args: unknown[]) => void into.push(format(...args) + "\n");
  };
  capture("log", stdout);
  capture("info", stdout);
  capture("warn", stderr);
  capture("error", stderr);
  Object.assign(process.env, env);
  process.chdir(root);
  let code: number;
  try {
    code = await buildIn(root);
  } catch (error) {
    // What Node prints for an uncaught error, and the exit code it gives.
    stderr.push(format(error) + "\n");
    code = 1;
  } finally {
    process.chdir(saved.cwd);
    for (const key of Object.keys(process.env)) if (!(key in saved.env)) delete process.env[key];
    Object.assign(process.env, saved.env);
    Object.assign(console, saved.console);
  }
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}

let queue = Promise.resolve();
process.on("message", (request: HostBuildRequest) => {
  queue = queue.then(async () => void process.send?.(await run(request)));
});
process.once("disconnect", () => process.exit(0));
