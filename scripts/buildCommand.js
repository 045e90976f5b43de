// @ts-check
/**
 * `npm run build`: starts the production build (scripts/build.ts) in a Node process whose heap
 * limit fits the archive (scripts/build/heapLimit.js), and passes on its output, its exit code and
 * any stop signal. If the build runs out of that memory anyway, it is run once more with Node's own
 * limit, after one line saying so; V8's crash report is never shown.
 *
 * The build runs compiled to plain JavaScript (scripts/build/compileScripts.js), without tsx.
 *
 * Plain JavaScript, checked by tsc through its JSDoc types: this process only compiles and waits,
 * so it starts without tsx.
 */
import { spawn } from "node:child_process";
import { compileBuild } from "./build/compileScripts.js";
import { buildHeapLimitMb, defaultHeapLimitMb, HEAP_LIMIT_ENV } from "./build/heapLimit.js";

/** Ctrl+C, `kill` and a closed terminal: passed on to the build, which decides how to stop. */
const STOP_SIGNALS = /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]);
/** The first line V8 prints when a heap runs out, before its report and native stack trace. */
const OUT_OF_MEMORY_REPORT = /^<--- Last few GCs --->|^FATAL ERROR: .*heap out of memory/;

/**
 * @typedef {object} BuildExit
 * @property {number | null} code
 * @property {NodeJS.Signals | null} signal
 * @property {boolean} outOfMemory
 */

/**
 * Runs the build with `heapLimitMb` (Node's own limit if undefined), passing stop signals on.
 * @param {string[]} build Node's arguments that start the build
 * @param {number | undefined} heapLimitMb
 * @returns {Promise<BuildExit>}
 */
function runBuild(build, heapLimitMb) {
  const args = heapLimitMb === undefined ? build : [`--max-old-space-size=${heapLimitMb}`, ...build];
  const child = spawn(process.execPath, args, { stdio: ["inherit", "inherit", "pipe"] });
  /** @type {Map<NodeJS.Signals, () => void>} */
  const forwarders = new Map();
  for (const signal of STOP_SIGNALS) {
    // A terminal's Ctrl+C reaches the build too; a second copy changes nothing (scripts/build/stopGuard.ts).
    const forward = () => child.kill(signal);
    forwarders.set(signal, forward);
    process.on(signal, forward);
  }
  let outOfMemory = false;
  let partial = "";
  /** Passes the build's error output on line by line, up to V8's report of an exhausted heap. */
  const pass = (/** @type {string} */ text) => {
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (OUT_OF_MEMORY_REPORT.test(line)) outOfMemory = true;
      if (!outOfMemory) process.stderr.write(`${line}\n`);
    }
  };
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", pass);
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      if (partial !== "") pass("\n");
      for (const [signal, forward] of forwarders) process.off(signal, forward);
      resolve({ code, signal, outOfMemory });
    });
  });
}

/**
 * Ends this process as the build ended: the same exit code, or the same signal.
 * @param {BuildExit} exit
 */
function endLike(exit) {
  if (exit.signal) process.kill(process.pid, exit.signal);
  else process.exitCode = exit.code ?? 1;
}

let heapLimitMb;
try {
  heapLimitMb = buildHeapLimitMb(process.cwd(), process.env);
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}; nothing was built.`);
  process.exit(1);
}
/** @type {string[]} */
let build;
try {
  const compiled = await compileBuild(process.cwd());
  // Stack traces of a fault in the build's own code name the TypeScript files, as under tsx.
  build = ["--enable-source-maps", compiled.entry, compiled.eleventyConfig];
} catch (error) {
  console.error(`✖ The build's code could not be compiled; nothing was built.\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const first = await runBuild(build, heapLimitMb);
if (!first.outOfMemory) {
  endLike(first);
} else if (heapLimitMb !== undefined && heapLimitMb < defaultHeapLimitMb()) {
  console.error(
    `⚠ The build ran out of the ${heapLimitMb} MB of memory set aside for it; building again with Node's own limit (${defaultHeapLimitMb()} MB), ` +
      `once the stopped build's lock has expired.`,
  );
  const second = await runBuild(build, undefined);
  if (second.outOfMemory) outOfMemory(defaultHeapLimitMb());
  else endLike(second);
} else {
  outOfMemory(heapLimitMb ?? defaultHeapLimitMb());
}

/** @param {number} limitMb the heap limit the build ran out of */
function outOfMemory(limitMb) {
  console.error(
    `✖ The build ran out of memory (its limit was ${limitMb} MB); nothing was published, _site/ was left as it was. ` +
      `If the machine has more memory, set ${HEAP_LIMIT_ENV} to a larger number of megabytes and build again.`,
  );
  process.exitCode = 1;
}
