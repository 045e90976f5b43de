import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { GateFailure, PageGate } from "./gate.ts";

/** Every file under `dir` whose name ends in `.html`, as forward-slash paths relative to it. */
export async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

export interface GateReport {
  pages: number;
  failures: GateFailure[];
}

/** Reads each HTML page of the output once and runs every page gate over it. */
export async function runPageGates(outputDir: string, gates: readonly PageGate[]): Promise<GateReport> {
  const files = await listHtmlFiles(outputDir);
  const failures: GateFailure[] = [];
  // Reading in batches keeps the disk busy while the CPU parses, without opening 4,000 files at once.
  const BATCH = 64;
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files.slice(start, start + BATCH);
    const htmls = await Promise.all(batch.map((file) => readFile(path.join(outputDir, file), "utf8")));
    batch.forEach((file, i) => {
      const page = { path: file, html: htmls[i]! };
      for (const gate of gates) {
        for (const reason of gate.check(page)) failures.push({ gate: gate.name, path: file, reason });
      }
    });
  }
  return { pages: files.length, failures };
}
