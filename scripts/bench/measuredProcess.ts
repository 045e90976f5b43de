import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { watchProcessTreeMemory, type TreeMemory } from "./processTreeMemory.ts";

export interface MeasuredProcess {
  wallSeconds: number;
  stdout: string;
  stderr: string;
  /** Peak memory of the process and everything it started; undefined without /proc. */
  memory: TreeMemory | undefined;
}

/**
 * Runs a command to its end, as a user would from a terminal, timing it from before the spawn
 * to its exit and sampling the memory and processor time of its whole process tree. Rejects, with what it printed,
 * if it exits non-zero.
 */
export function runMeasured(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<MeasuredProcess> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  const memory = child.pid === undefined ? undefined : watchProcessTreeMemory(child.pid);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    // "close" comes after the pipes are drained, so the output is complete.
    child.on("close", async (code, signal) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const peaks = await memory?.stop();
      if (code !== 0) {
        reject(new Error(`${[command, ...args].join(" ")} (in ${options.cwd}) failed (${signal ?? `exit ${code}`}):\n${stdout}\n${stderr}`));
        return;
      }
      resolve({ wallSeconds, stdout, stderr, memory: peaks });
    });
  });
}
