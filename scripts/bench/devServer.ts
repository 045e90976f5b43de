/**
 * `npm start` (Eleventy's dev server writing to _site.dev/) run in a project copy for the edit
 * loop benchmark, with the moments it reports a finished build.
 *
 * With the project's quiet mode Eleventy still prints, forced, "[11ty] Wrote N files in X seconds"
 * after every build, the first and each rebuild, and once "[11ty] Watching…" when its watcher
 * starts, after the first build; the server starts after that, and its "Server at" line is one
 * quiet mode drops, so the server is asked instead.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { startCommandArgs } from "../build/packageCommand.ts";
import { once } from "node:events";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { watchProcessTreeMemory, type TreeMemory, type TreeMemoryWatch } from "./processTreeMemory.ts";

export const DEV_OUTPUT_DIR = "_site.dev";

export interface FinishedBuild {
  /** performance.now() when the line was read. */
  at: number;
  /** Eleventy's own count, from its line. */
  seconds: number;
  files: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

// Eleventy colours its lines on a terminal; a pipe gets none, but a FORCE_COLOR would add them.
const stripColours = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");

export class DevServer {
  readonly builds: FinishedBuild[] = [];
  output = "";
  private listeners = new Set<() => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly startedAt: number,
    private readonly memory: TreeMemoryWatch | undefined,
    readonly port: number,
  ) {
    let pending = "";
    const read = (chunk: string) => {
      this.output += chunk;
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines.map(stripColours)) {
        const wrote = /Wrote (\d+) files? .*?in ([\d.]+) seconds?/.exec(line);
        if (wrote) this.builds.push({ at: performance.now(), files: Number(wrote[1]), seconds: Number(wrote[2]) });
      }
      for (const listener of this.listeners) listener();
    };
    child.stdout!.setEncoding("utf8").on("data", read);
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.output += chunk));
    child.on("exit", () => {
      for (const listener of this.listeners) listener();
    });
  }

  /**
   * Starts `npm start`'s command (or Node with `args`, an Eleventy dev server's) in `root` on a
   * free port, in a process group of its own.
   */
  static async start(root: string, args = startCommandArgs(root)): Promise<DevServer> {
    const port = await freePort();
    const startedAt = performance.now();
    const child = spawn(
      process.execPath,
      [...args, `--port=${port}`],
      // Detached: the server and everything it started can be ended together (stop()).
      { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    const server = new DevServer(child, startedAt, child.pid === undefined ? undefined : watchProcessTreeMemory(child.pid), port);
    // A detached group outlives the bench unless ended: also when the bench is stopped (Ctrl+C).
    process.on("exit", server.exited);
    process.on("SIGINT", server.interrupted);
    process.on("SIGTERM", server.interrupted);
    return server;
  }

  private readonly killGroup = (signal: NodeJS.Signals = "SIGKILL") => {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // The group has ended already.
    }
  };

  private readonly exited = () => this.killGroup("SIGKILL");

  private readonly interrupted = (signal: NodeJS.Signals) => {
    this.killGroup();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };

  /** Resolves when `done()` holds, checked on every line printed; rejects on exit or timeout. */
  waitFor<T>(done: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = done();
        if (value !== undefined) finish(() => resolve(value));
        else if (this.child.exitCode !== null || this.child.signalCode !== null) {
          finish(() => reject(new Error(`npm start ended while waiting for ${what}:\n${this.output}`)));
        }
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`npm start: no ${what} in ${timeoutMs / 1000} s:\n${this.output.slice(-4000)}`))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  /** The first build, the watcher started and the server answering. */
  async ready(timeoutMs: number): Promise<FinishedBuild> {
    const first = await this.waitFor(() => (/Watching/.test(stripColours(this.output)) ? this.builds[0] : undefined), timeoutMs, "first build");
    // Any answer will do: a project without a home page answers 404.
    while (!(await fetch(`http://localhost:${this.port}/`).then(() => true, () => false))) {
      if (performance.now() - this.startedAt > timeoutMs) throw new Error(`npm start: the server did not answer on port ${this.port}:\n${this.output}`);
      await sleep(50);
    }
    return first;
  }

  /** The first build finished after performance.now() was `after`. */
  buildAfter(after: number, timeoutMs: number): Promise<FinishedBuild> {
    return this.waitFor(() => this.builds.find((build) => build.at > after), timeoutMs, "finished rebuild");
  }

  /** Ends the server's whole process group; resolves to the peak memory of its processes. */
  async stop(): Promise<TreeMemory | undefined> {
    const memory = await this.memory?.stop();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, "exit");
      this.killGroup("SIGTERM");
      const killer = setTimeout(() => this.killGroup("SIGKILL"), 5000);
      await exited;
      clearTimeout(killer);
    }
    // Whatever the server started and left behind.
    this.killGroup("SIGKILL");
    process.off("exit", this.exited);
    process.off("SIGINT", this.interrupted);
    process.off("SIGTERM", this.interrupted);
    return memory;
  }
}
