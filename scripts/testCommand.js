// @ts-check
/**
 * `npm test`: the type check (`npm run typecheck`) and Vitest, side by side. The type checker uses
 * one processor and the tests keep both busy, so running them one after the other left a
 * processor idle for the type check's few seconds. A type error still fails the run at once: the
 * tests are stopped, and the type checker's report is shown. Arguments go to `vitest run`
 * (`npm test -- test/unit/` runs those files).
 *
 * Plain JavaScript, checked by tsc through its JSDoc types: it starts the type checker, so it
 * cannot need it.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { constants } from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);
const VITEST = path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const STOP_SIGNALS = /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]);

/**
 * Runs `command` with `args`; resolves to its exit code (128 + the signal's number if a signal ended it).
 * @param {string} command
 * @param {string[]} args
 * @param {import("node:child_process").StdioOptions} stdio
 * @param {(text: string) => void} [onOutput]
 * @returns {{ child: import("node:child_process").ChildProcess, done: Promise<number> }}
 */
function run(command, args, stdio, onOutput) {
  const child = spawn(command, args, { stdio });
  if (onOutput) {
    child.stdout?.setEncoding("utf8").on("data", onOutput);
    child.stderr?.setEncoding("utf8").on("data", onOutput);
  }
  const done = new Promise((resolve) => {
    child.on("close", (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
  return { child, done: /** @type {Promise<number>} */ (done) };
}

/**
 * Runs Node with `args`, as `run` does.
 * @param {string[]} args
 * @param {import("node:child_process").StdioOptions} stdio
 * @param {(text: string) => void} [onOutput]
 */
function runNode(args, stdio, onOutput) {
  return run(process.execPath, args, stdio, onOutput);
}

/** Runs package.json's `typecheck` script; resolves to its report if it fails, or undefined. */
async function typeCheck() {
  let report = "";
  const npm = process.env["npm_execpath"];
  const args = ["run", "--silent", "typecheck"];
  const { done } = npm
    ? runNode([npm, ...args], ["ignore", "pipe", "pipe"], (text) => (report += text))
    : run("npm", args, ["ignore", "pipe", "pipe"], (text) => (report += text));
  return (await done) === 0 ? undefined : report;
}

const tests = runNode([VITEST, "run", ...process.argv.slice(2)], "inherit");
for (const signal of STOP_SIGNALS) process.on(signal, () => tests.child.kill(signal));

const typeErrors = await typeCheck();
if (typeErrors !== undefined) {
  tests.child.kill("SIGTERM");
  await tests.done;
  console.error(`\n✖ The type check (npm run typecheck) failed; the tests were stopped.\n${typeErrors.trimEnd()}`);
  process.exit(1);
}
process.exitCode = await tests.done;
