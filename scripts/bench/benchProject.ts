import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { copyProject } from "../build/copyProject.ts";
import { writeSyntheticCorpus } from "./syntheticCorpus.ts";

/** Runs `use` with a temporary folder that is removed afterwards, whatever happens. */
export async function withTempFolder<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A temporary copy of the project whose content is a synthetic corpus of `analyses` analyses. */
export function withBenchProject<T>(projectRoot: string, analyses: number, use: (root: string) => Promise<T>): Promise<T> {
  return withTempFolder("defcon-bench-", async (root) => {
    await copyProject(projectRoot, root);
    await writeSyntheticCorpus(root, analyses);
    return use(root);
  });
}

/** The line under a report's heading: the command, Node, the machine, the day. */
export function benchHeading(command: string): string {
  const cpus = os.cpus();
  return `## \`${command}\`\n\nNode ${process.version}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${new Date().toISOString().slice(0, 10)}.`;
}
