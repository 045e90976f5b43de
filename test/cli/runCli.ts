import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { packageCommandArgs } from "../../scripts/build/packageCommand.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** "Today" for the commands and the builds in these tests. */
export const PINNED_NOW = "2026-06-01T10:20:45Z";

/** package.json's script for each command. */
const SCRIPTS = { newAnalysis: "new", recordAssessment: "assess" } as const;

/**
 * Runs an editor's command as `npm run new` / `npm run assess` does (package.json's command), in
 * `root`, a copy of the project: a process of its own, for its exit code and exactly what it prints.
 */
export function runCli(root: string, script: keyof typeof SCRIPTS, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...packageCommandArgs(root, SCRIPTS[script]), ...args],
      { cwd: root, env: { ...process.env, DEFCON_BUILD_DATE: PINNED_NOW } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** Every file under `dir` with its bytes, to prove that a refused command changed nothing. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), (await readFile(file)).toString("base64"));
  }
  return files;
}

/** A refusal as an editor sees it: one line per problem on stderr, no stack trace, nothing on stdout. */
export function expectRefusal(result: CliResult, code: number, line: string | RegExp): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe("");
  expect(result.stderr).not.toMatch(/^\s+at /m);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  if (typeof line === "string") expect(lines[0]).toBe(line);
  else expect(lines[0]).toMatch(line);
}
