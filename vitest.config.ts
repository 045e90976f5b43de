import { defineConfig } from "vitest/config";

/** Test files that replace modules with vi.mock: run alone, so that no other file sees the stand-ins. */
const MOCKING = ["test/cli/addAssessment.test.ts"];

export default defineConfig({
  test: {
    // Build tests run whole Eleventy builds; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page under a loaded machine can take seconds to show what a test waits for; a poll that
    // gives up after Vitest's default second fails a behaviour that works.
    expect: { poll: { timeout: 10_000 } },
    pool: "forks",
    // Test files and helpers compiled from TypeScript are kept on disk between runs (in
    // node_modules/), keyed by their content: a run compiles only what changed.
    experimental: { fsModuleCache: true },
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "site",
          include: ["test/**/*.test.ts"],
          exclude: MOCKING,
          // Starts the warm build hosts that fixture sites build on, the store of drawn share
          // cards and the run's Chromium.
          globalSetup: ["test/globalSetup.ts"],
          // A worker runs file after file, importing each module once: a fresh process per file
          // cost about a third of a second of processor time each. No file here replaces a module,
          // and the two that change the working folder or an environment variable put it back.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "mocks", include: MOCKING },
      },
    ],
  },
});
