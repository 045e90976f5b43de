import { describe, expect, it } from "vitest";
import { runMeasured } from "../../scripts/bench/measuredProcess.ts";
import { PROC_AVAILABLE } from "../../scripts/bench/processTreeMemory.ts";

/** A Node process that works until it has used `ms` of processor time, in a child of its own if `nested`. */
function busy(ms: number, nested: boolean): string[] {
  const spin = `const t = process.cpuUsage(); while ((process.cpuUsage(t).user + process.cpuUsage(t).system) / 1000 < ${ms});`;
  if (!nested) return ["-e", spin];
  return ["-e", `require("node:child_process").execFileSync(process.execPath, ["-e", ${JSON.stringify(spin)}])`];
}

describe.skipIf(!PROC_AVAILABLE)("runMeasured's processor time", () => {
  it("counts the processor time of the command and of the processes it starts, not the time it waits", async () => {
    const alone = await runMeasured(process.execPath, busy(600, false), { cwd: process.cwd() });
    const nested = await runMeasured(process.execPath, busy(600, true), { cwd: process.cwd() });
    const sleeping = await runMeasured(process.execPath, ["-e", "setTimeout(() => {}, 600)"], { cwd: process.cwd() });
    expect(alone.cpuSeconds).toBeGreaterThanOrEqual(0.6);
    expect(nested.cpuSeconds).toBeGreaterThanOrEqual(0.6);
    expect(sleeping.wallSeconds).toBeGreaterThanOrEqual(0.6);
    expect(sleeping.cpuSeconds).toBeLessThan(0.45);
  });
});
