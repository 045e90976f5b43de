import { execFileSync } from "node:child_process";
import { describe } from "vitest";

/**
 * `describe` for tests that need a tool outside npm (Chromium, Java). Without it they are skipped,
 * loudly, with the install command; under CI=true a missing tool is a failure, because CI must
 * prove what those tests prove.
 */
export function describeWithTool(tool: { name: string; available: boolean; install: string }, name: string, body: () => void): void {
  if (tool.available) {
    describe(name, body);
    return;
  }
  if (process.env["CI"] === "true") {
    describe(name, () => {
      throw new Error(`${tool.name} not found; CI must install it (${tool.install}).`);
    });
    return;
  }
  console.warn(`\n⚠️  SKIPPED "${name}": ${tool.name} not found.\n   Install it with: ${tool.install}\n`);
  describe.skip(name, body);
}

/** Whether a command runs at all (e.g. `java -version`). */
export function commandRuns(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
