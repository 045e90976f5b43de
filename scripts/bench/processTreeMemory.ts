/**
 * Peak memory of a process and of every process it starts, read from Linux's /proc while they
 * run. Node can only read its own peak (process.resourceUsage), not a child's, and a build's
 * heaviest process may be a grandchild: the production build forks Pagefind's indexer (Node),
 * which starts Pagefind's Rust binary.
 *
 * Every 100 ms the tree under the root process is walked and each process's VmHWM (its own peak
 * resident memory, kept by the kernel) and processor time are recorded. A process is only seen
 * while it lives, so growth in its last 100 ms, or a process shorter than that, can be missed.
 * Processor time is sampled too rather than taken from the kernel's count for waited-for
 * children: Pagefind's binary outlives the Node process that started it by a moment, so it is
 * never waited for by the build, and the kernel's count for the build leaves it out.
 */
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

export const PROC_AVAILABLE = existsSync("/proc/self/status");

/** What is printed where /proc is missing (macOS, Windows). */
export const NO_PROC = "n/a (needs Linux /proc)";

export interface TreeMemory {
  /** The highest peak (KiB) of any process of each name, e.g. "node (build.mjs)", "pagefind_extended". */
  peakKiBByName: Map<string, number>;
  /** The highest peak (KiB) of any single process. */
  largestKiB: number;
  /** The most resident memory (KiB) the processes held together in one sample. */
  togetherKiB: number;
  /** Processor time (user and system, in seconds) of all the processes together, as last sampled. */
  cpuSeconds: number;
}

/** Linux's clock ticks per second (USER_HZ) in /proc/<pid>/stat: 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** Node's options that take the next argument as their value, skipped to find the script. */
const NODE_OPTIONS_WITH_VALUE = new Set(["--import", "--require", "-r", "--loader", "--experimental-loader", "--conditions", "-C", "--env-file"]);

/**
 * A readable name for a process: the executable's name, and for Node the script it runs
 * ("node (build.mjs)", "node (indexWorker.js)", "node (cmd.cjs)"), since every Node process is
 * called "node".
 */
export function processName(argv: readonly string[]): string {
  const executable = path.basename(argv[0] ?? "?");
  if (!/^node(\d+)?$/.test(executable)) return executable;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("-")) {
      if (NODE_OPTIONS_WITH_VALUE.has(arg)) i++;
      continue;
    }
    return `node (${path.basename(arg)})`;
  }
  return "node";
}

/**
 * The fields of a /proc/<pid>/stat line after the command name ("pid (comm) state ppid …"; the
 * name may hold spaces and parentheses): [0] is the state, [1] the parent, [11] and [12] the
 * user and system time in clock ticks.
 */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

async function readText(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").catch(() => undefined);
}

/** Children of a process, from /proc/<pid>/task/<tid>/children (each thread can be a parent). */
async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(tasks.map((tid) => readText(`/proc/${pid}/task/${tid}/children`)));
  return lists.flatMap((list) => (list ?? "").split(/\s+/).filter(Boolean).map(Number));
}

/** Kernels without the children files: every process's parent, from /proc/<pid>/stat. */
async function parentsOfAll(): Promise<Map<number, number[]>> {
  const children = new Map<number, number[]>();
  const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name));
  await Promise.all(
    pids.map(async (pid) => {
      const stat = await readText(`/proc/${pid}/stat`);
      if (!stat) return;
      const ppid = Number(statFields(stat)[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
    }),
  );
  return children;
}

const HAS_CHILDREN_FILES = PROC_AVAILABLE && existsSync(`/proc/self/task/${process.pid}/children`);

async function processTree(rootPid: number): Promise<number[]> {
  const all = HAS_CHILDREN_FILES ? undefined : await parentsOfAll();
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(all ? (all.get(pid) ?? []) : await childrenOf(pid)));
  }
  return tree;
}

interface Sample {
  name: string;
  hwmKiB: number;
  rssKiB: number;
  cpuTicks: number;
}

async function sampleProcess(pid: number): Promise<Sample | undefined> {
  const [cmdline, status, stat] = await Promise.all([readText(`/proc/${pid}/cmdline`), readText(`/proc/${pid}/status`), readText(`/proc/${pid}/stat`)]);
  // A zombie, or a process gone between listing and reading, has no memory lines.
  const hwm = status && /^VmHWM:\s+(\d+) kB/m.exec(status);
  const rss = status && /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!cmdline || !hwm || !rss || !stat) return undefined;
  const fields = statFields(stat);
  const cpuTicks = Number(fields[11]) + Number(fields[12]);
  return { name: processName(cmdline.split("\0").filter(Boolean)), hwmKiB: Number(hwm[1]), rssKiB: Number(rss[1]), cpuTicks };
}

export interface TreeMemoryWatch {
  /** Stops sampling; undefined where /proc is missing. */
  stop(): Promise<TreeMemory | undefined>;
}

/** Starts sampling the memory of `rootPid` and its descendants until stop() is called. */
export function watchProcessTreeMemory(rootPid: number, intervalMs = 100): TreeMemoryWatch {
  if (!PROC_AVAILABLE) return { stop: async () => undefined };
  // Keyed by pid and name: a forked child is named after its parent until it execs its own
  // program, which starts a new peak.
  const peaks = new Map<string, { name: string; hwmKiB: number; cpuTicks: number }>();
  let togetherKiB = 0;
  let sampling: Promise<void> | undefined;
  const sample = async () => {
    const tree = await processTree(rootPid).catch(() => [] as number[]);
    const samples = await Promise.all(tree.map(async (pid) => [pid, await sampleProcess(pid)] as const));
    let together = 0;
    for (const [pid, found] of samples) {
      if (!found) continue;
      const key = `${pid} ${found.name}`;
      const before = peaks.get(key);
      peaks.set(key, { name: found.name, hwmKiB: Math.max(found.hwmKiB, before?.hwmKiB ?? 0), cpuTicks: Math.max(found.cpuTicks, before?.cpuTicks ?? 0) });
      together += found.rssKiB;
    }
    togetherKiB = Math.max(togetherKiB, together);
  };
  const timer = setInterval(() => {
    sampling ??= sample().finally(() => (sampling = undefined));
  }, intervalMs);
  void (sampling = sample().finally(() => (sampling = undefined)));
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      const peakKiBByName = new Map<string, number>();
      for (const { name, hwmKiB } of peaks.values()) peakKiBByName.set(name, Math.max(hwmKiB, peakKiBByName.get(name) ?? 0));
      const cpuTicks = [...peaks.values()].reduce((sum, p) => sum + p.cpuTicks, 0);
      return { peakKiBByName, largestKiB: Math.max(0, ...peakKiBByName.values()), togetherKiB, cpuSeconds: cpuTicks / TICKS_PER_SECOND };
    },
  };
}

/**
 * The peaks of several runs, or of processes run one after another: the highest of each, and
 * their processor time added up.
 */
export function combineTreeMemory(runs: readonly (TreeMemory | undefined)[]): TreeMemory | undefined {
  if (runs.some((run) => run === undefined) || runs.length === 0) return undefined;
  const peakKiBByName = new Map<string, number>();
  for (const run of runs as TreeMemory[]) {
    for (const [name, kib] of run.peakKiBByName) peakKiBByName.set(name, Math.max(kib, peakKiBByName.get(name) ?? 0));
  }
  return {
    peakKiBByName,
    largestKiB: Math.max(...(runs as TreeMemory[]).map((run) => run.largestKiB)),
    togetherKiB: Math.max(...(runs as TreeMemory[]).map((run) => run.togetherKiB)),
    cpuSeconds: (runs as TreeMemory[]).reduce((sum, run) => sum + run.cpuSeconds, 0),
  };
}
