import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { listReaderPages } from "./readerPages.ts";
import type { BuildResult } from "./fixtureSite.ts";
import { buildCommandArgs } from "../../scripts/build/packageCommand.ts";

/** The build's lock folder, in the folder it builds. */
export const LOCK = ".build.lock";
/** Printed by Node for an uncaught error; never wanted for a signal or an environment problem. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
/** The one line a build stopped by a signal prints. */
export const STOPPED = /✖ Build stopped by SIG[A-Z]+;/g;

export interface RunningBuild {
  child: ChildProcess;
  /** Resolves once the build and everything it started have exited. */
  done: Promise<BuildResult & { signal: NodeJS.Signals | null }>;
  /** Signals the build's whole process group, as a terminal's Ctrl+C (or `kill -9 -<pgid>`) does. */
  kill(signal: NodeJS.Signals): void;
  /** Signals the build's own process only, as `kill <pid>` does. */
  signalScript(signal: NodeJS.Signals): Promise<void>;
  /** What it has printed so far. */
  output(): string;
}

/**
 * Starts `npm run build`'s command (or Node with `args`) in its own process group, without waiting
 * for it.
 */
export function startBuild(root: string, env: Record<string, string>, args = buildCommandArgs(root)): RunningBuild {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  running.add(child);
  const done = new Promise<BuildResult & { signal: NodeJS.Signals | null }>((resolve) => {
    // "close" waits for the pipes, which the build's own child processes hold too.
    child.on("close", (code, signal) => {
      running.delete(child);
      resolve({ code: code ?? 128, signal, stdout, stderr, output: `${stdout}\n${stderr}` });
    });
  });
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  const signalScript = async (signal: NodeJS.Signals) => {
    try {
      process.kill(child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  return { child, done, kill, signalScript, output: () => `${stdout}\n${stderr}` };
}

const running = new Set<ChildProcess>();

/** Kills every build started by startBuild that is still running: for a test file's afterAll. */
export function killRunningBuilds(): void {
  for (const child of running) process.kill(-child.pid!, "SIGKILL");
}

/** The © year in the footer of every HTML page of `dir`, page by page. */
export async function footerYears(dir: string): Promise<Map<string, string>> {
  const years = new Map<string, string>();
  for (const page of await listReaderPages(dir)) {
    const html = await readFile(path.join(dir, page), "utf8");
    years.set(page, /© (\d{4}) The DEFCON Warning System/.exec(html)?.[1] ?? "none");
  }
  return years;
}
