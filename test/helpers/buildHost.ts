/**
 * A build host: a Node process, started compiled as `npm run build` starts the build
 * (forkBuildHost.ts), that runs fixture builds one after another on request, so that tests pay for
 * Node and Eleventy's own start once instead of once per build. Each build runs in the fixture's
 * folder, with the test's environment, and its console output is captured.
 *
 * The build's code is loaded once per host, compiled from the project's scripts/ (a fixture's
 * scripts/ is a link to them), and its modules keep nothing of one build for the next but what is
 * keyed by content (as `npm start` rebuilds in one process). Every fixture is rendered with the
 * project's Eleventy configuration, compiled with the host: a fixture with an `.eleventy.js` of its
 * own is refused, and must build with `buildAsCommand`. A fixture's `.11tydata.js` files are
 * loaded once per fixture folder: a test that changes one between two builds must build with
 * `buildAsCommand` too.
 *
 * Started as `node build-host.mjs <compiled .eleventy.js>`. Receives `{ root, env }` over IPC;
 * answers `{ code, stdout, stderr }` (buildHostPool.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import "../../scripts/build/oneOffEleventy.ts";
import { format } from "node:util";
import { productionBuild, ELEVENTY_CONFIG } from "../../scripts/build/productionBuild.ts";
import { reportingEnvironmentProblems } from "../../scripts/build/environmentProblem.ts";
import { PROJECT_ROOT } from "./projectRoot.ts";

import type { HostBuildRequest, HostBuildResult } from "./buildHostPool.ts";

type ConsoleMethod = "log" | "info" | "warn" | "error";

// Loaded once, before the first build asks for it: every fixture resolves the same Eleventy
// (their node_modules is a link to the project's). Imported here rather than above, so that it
// loads after oneOffEleventy.ts has run, as it does in `npm run build`.
await import("@11ty/eleventy");

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

/** The project's Eleventy configuration, compiled with this host. */
const compiledEleventyConfig = process.argv[2];
if (!compiledEleventyConfig) throw new Error("Usage: node build-host.mjs <compiled .eleventy.js>");
const projectEleventyConfig = readFileSync(path.join(PROJECT_ROOT, ELEVENTY_CONFIG), "utf8");

async function buildIn(root: string): Promise<number> {
  if (readFileSync(path.join(root, ELEVENTY_CONFIG), "utf8") !== projectEleventyConfig) {
    throw new Error(`${root}: this fixture has an ${ELEVENTY_CONFIG} of its own, which a build host does not load; build it with buildAsCommand`);
  }
  forgetEarlierBuilds();
  return reportingEnvironmentProblems(root, () => productionBuild(root, compiledEleventyConfig));
}

/** Counts of the kinds of work the event loop is waiting on (files, timers, child processes…). */
function pendingWork(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/**
 * Waits until the event loop waits on no more than it did before the build: the moment at which
 * `npm run build`'s process would exit. Eleventy can leave work running after a failed build
 * (passthrough copies into _site.tmp/); it must end in the build's folder, not the next one's.
 */
async function untilSettled(before: Map<string, number>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const busy = () => [...pendingWork()].some(([kind, count]) => count > (before.get(kind) ?? 0));
  while (busy() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The build under way, to which an uncaught error belongs, as it would belong to its process. */
let current: { stdout: string[]; stderr: string[] } | undefined;
/** Uncaught errors that arrived between builds: shown with the next build's output. */
const between: string[] = [];
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    // What Node prints for an uncaught error before it exits with code 1.
    const printed = `${format(error)}\n\nNode.js ${process.version}\n`;
    if (!current) {
      between.push(`(after an earlier build in this host) ${printed}`);
      return;
    }
    // The build's process would end here: answer for it, and end this host (the pool starts another).
    const answer: HostBuildResult = { code: 1, stdout: current.stdout.join(""), stderr: current.stderr.join("") + printed };
    process.send?.(answer, () => process.exit(1));
  });
}

async function run({ root, env }: HostBuildRequest): Promise<HostBuildResult> {
  const stdout: string[] = [];
  const stderr: string[] = between.splice(0);
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
  current = { stdout, stderr };
  const before = pendingWork();
  let code: number;
  try {
    code = await buildIn(root);
    await untilSettled(before);
  } catch (error) {
    stderr.push(format(error) + "\n");
    code = 1;
  } finally {
    current = undefined;
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
