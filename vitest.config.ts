import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts the warm build hosts that fixture sites build on.
    globalSetup: ["test/globalSetup.ts"],
    // Build tests run whole Eleventy builds; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page under a loaded machine can take seconds to show what a test waits for; a poll that
    // gives up after Vitest's default second fails a behaviour that works.
    expect: { poll: { timeout: 10_000 } },
    pool: "forks",
    maxWorkers: 2,
  },
});
