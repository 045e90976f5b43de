// @ts-check
/**
 * `npm test`: the type check (`npm run typecheck`) and Vitest, side by side. The type checker uses
 * one processor and the tests keep both busy, so running them one after the other left a
 * processor idle for the type check's few seconds. A type error still fails the run at once: the
 * tests are stopped, and the type checker's report is shown. Ctrl+C or `kill` stops both, and
 * this command ends as the signal ends a command. Arguments go to `vitest run`
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
 * @param {boolean} [detached] in a process group of its own, so that `kill(-pid)` reaches all of it
 * @returns {{ child: import("node:child_process").ChildProcess, done: Promise<number> }}
 */
function run(command, args, stdio, onOutput, detached = false) {
  const child = spawn(command, args, { stdio, detached });
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
 * Starts package.json's `typecheck` script, npm, its shell and tsc in a process group of their own;
 * `done` resolves to its report if it fails, or undefined; `stop` ends the whole group.
 * @returns {{ stop: (signal: NodeJS.Signals) => void, done: Promise<string | undefined> }}
 */
function typeCheck() {
  let report = "";
  const collect = (/** @type {string} */ text) => (report += text);
  const npm = process.env["npm_execpath"];
  const args = ["run", "--silent", "typecheck"];
  const stdio = /** @type {import("node:child_process").StdioOptions} */ (["ignore", "pipe", "pipe"]);
  const check = npm ? run(process.execPath, [npm, ...args], stdio, collect, true) : run("npm", args, stdio, collect, true);
  const stop = (/** @type {NodeJS.Signals} */ signal) => {
    try {
      if (check.child.pid !== undefined) process.kill(-check.child.pid, signal);
    } catch {
      // Already ended.
    }
  };
  return { stop, done: check.done.then((code) => (code === 0 ? undefined : report)) };
}

const tests = run(process.execPath, [VITEST, "run", ...process.argv.slice(2)], "inherit");
const check = typeCheck();
/** Ctrl+C or `kill`: passed on to both; this process then ends as they were ended, saying nothing more. */
let stoppedBy = /** @type {NodeJS.Signals | undefined} */ (undefined);
for (const signal of STOP_SIGNALS) {
  process.on(signal, () => {
    stoppedBy = signal;
    tests.child.kill(signal);
    check.stop(signal);
  });
}

const typeErrors = await check.done;
if (typeErrors !== undefined && stoppedBy === undefined) {
  tests.child.kill("SIGTERM");
  await tests.done;
  console.error(`\n✖ The type check (npm run typecheck) failed; the tests were stopped.\n${typeErrors.trimEnd()}`);
  process.exit(1);
}
const testsExit = await tests.done;
if (stoppedBy !== undefined) {
  process.removeAllListeners(stoppedBy);
  process.kill(process.pid, stoppedBy);
} else {
  process.exitCode = testsExit;
}
