import { describe, expect, it } from "vitest";
import { runMeasured } from "../../scripts/bench/measuredProcess.ts";
import { PROC_AVAILABLE } from "../../scripts/bench/processTreeMemory.ts";

/** Node code that works until it has used `ms` of processor time. */
const spin = (ms: number) => `const t = process.cpuUsage(); while ((process.cpuUsage(t).user + process.cpuUsage(t).system) / 1000 < ${ms});`;
/** Node code that starts Node with `code` as its child, without waiting for it. */
const start = (code: string, detached = false) =>
  `require("node:child_process").spawn(process.execPath, ["-e", ${JSON.stringify(code)}], { stdio: "ignore", detached: ${detached} })`;

describe.skipIf(!PROC_AVAILABLE)("runMeasured's processor time", () => {
  it("adds up the processor time of the command and of every process it starts, not the time they wait", async () => {
    const alone = await runMeasured(process.execPath, ["-e", spin(600)], { cwd: process.cwd() });
    const grandchild = await runMeasured(process.execPath, ["-e", `${start(start(spin(600)))}`], { cwd: process.cwd() });
    const sleeping = await runMeasured(process.execPath, ["-e", "setTimeout(() => {}, 600)"], { cwd: process.cwd() });
    expect(alone.memory!.cpuSeconds).toBeGreaterThanOrEqual(0.5);
    expect(grandchild.memory!.cpuSeconds).toBeGreaterThanOrEqual(0.5);
    expect(sleeping.wallSeconds).toBeGreaterThanOrEqual(0.6);
    expect(sleeping.memory!.cpuSeconds).toBeLessThan(0.4);
  });

  it("counts a process whose parent exits before it, as Pagefind's binary outlives the Node process that starts it", async () => {
    // The child works, then lingers; its parent exits first, so nothing waits for it (the kernel's
    // count of waited-for children leaves it out); the measured command waits a little longer.
    const orphaning = `${start(`${spin(600)}; setTimeout(() => {}, 3000)`, true)}; setTimeout(() => process.exit(0), 1500)`;
    const result = await runMeasured(process.execPath, ["-e", `${start(orphaning)}; setTimeout(() => {}, 2500)`], { cwd: process.cwd() });
    expect(result.memory!.cpuSeconds).toBeGreaterThanOrEqual(0.5);
  });
});
