import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/projectRoot.ts";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm test` (scripts/testCommand.js) runs the type check beside the tests. Tried in a small
 * project of its own: a package.json whose `typecheck` script stands in for tsc, and test files
 * run with Vitest's globals (the folder has no node_modules to import Vitest from).
 */
describe("npm test's command", () => {
  let folder: string | undefined;
  afterEach(() => (folder ? rm(folder, { recursive: true, force: true }) : undefined));

  async function project(typecheck: string, tests: Record<string, string>): Promise<string> {
    folder = await mkdtemp(path.join(os.tmpdir(), "defcon-test-command-"));
    const scripts = { typecheck: `node -e ${JSON.stringify(typecheck)}` };
    await writeFile(path.join(folder, "package.json"), JSON.stringify({ type: "module", scripts }));
    for (const [name, body] of Object.entries(tests)) await writeFile(path.join(folder, name), body);
    return folder;
  }

  function testCommand(cwd: string, args: string[]): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [path.join(PROJECT_ROOT, "scripts/testCommand.js"), ...args], { cwd, env: { ...process.env, CI: "" } }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` });
      });
    });
  }

  it("stops the tests when the type check fails, and shows the type checker's report", async () => {
    const cwd = await project("console.log('src/level.ts(3,7): error TS2322: Type number is not assignable to type string.'); process.exit(2)", {
      // Would pass, a minute later, if the run were not stopped.
      "slow.test.js": 'it("waits", () => new Promise((resolve) => setTimeout(resolve, 60_000)), 70_000);\n',
    });
    const result = await testCommand(cwd, ["--globals"]);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain("✖ The type check (npm run typecheck) failed; the tests were stopped.");
    expect(result.output).toContain("src/level.ts(3,7): error TS2322: Type number is not assignable to type string.");
    expect(result.output).not.toMatch(/1 passed/);
  });

  it("is stopped by Ctrl+C or kill with both of its parts, as the signal ends a command, blaming neither", async () => {
    const cwd = await project("require('node:fs').writeFileSync('typecheck.pid', String(process.pid)); setTimeout(() => {}, 600_000)", {
      "slow.test.js": 'it("waits", () => new Promise((resolve) => setTimeout(resolve, 60_000)), 70_000);\n',
    });
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "scripts/testCommand.js"), "--globals"], { cwd, env: { ...process.env, CI: "" } });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (output += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (output += text));
    // Vitest has started (its banner) and so has the stand-in type checker: both parts are running.
    const typecheckPid = path.join(cwd, "typecheck.pid");
    while (!(output.includes("RUN") && existsSync(typecheckPid)) && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill("SIGTERM");
    const [code, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }, output).toEqual({ code: null, signal: "SIGTERM" });
    expect(output).not.toContain("type check");
    expect(output).not.toMatch(/1 passed/);
    // The type checker, two processes down (npm, its shell), was stopped too.
    const pid = Number(await readFile(typecheckPid, "utf8"));
    await expect.poll(() => isRunning(pid), { timeout: 5_000 }).toBe(false);
  });

  it("passes its arguments to Vitest and ends with Vitest's exit code once the type check has passed", async () => {
    const cwd = await project("", {
      "passing.test.js": 'it("passes", () => {});\n',
      "failing.test.js": 'it("fails", () => { throw new Error("a failing test"); });\n',
    });
    const result = await testCommand(cwd, ["--globals", "failing"]);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain("a failing test");
    expect(result.output).toMatch(/Test Files\s.*1 failed.*\(1\)/);
  });
});
