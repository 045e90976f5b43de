/**
 * Runs once per `vitest run`, before any test file: starts the pool of warm build hosts that
 * fixture sites build on (test/helpers/buildHostPool.ts), opens the store of drawn share cards
 * (test/helpers/cardStore.ts), makes the folder of fixture sites shared by test files
 * (test/helpers/sharedFixtureSite.ts) and offers the run's Chromium (test/helpers/sharedChromium.ts);
 * after the last file, stops the hosts and Chromium and removes the shared sites.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startBuildHostPool } from "./helpers/buildHostPool.ts";
import { openCardStore } from "./helpers/cardStore.ts";
import { startSharedChromium } from "./helpers/sharedChromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where fixture sites send their builds: see test/helpers/buildHostPool.ts. */
    buildHostUrl: string;
    /** The folder of share cards drawn by fixtures so far: see test/helpers/cardStore.ts. */
    cardStore: string;
    /** Answers the address of the run's Chromium, started on first asking: see test/helpers/sharedChromium.ts. */
    chromiumUrl: string;
    /** The folder of fixture sites built once and read by several files: see test/helpers/sharedFixtureSite.ts. */
    sharedFixtures: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pool = await startBuildHostPool();
  const cardStore = await openCardStore();
  const chromium = await startSharedChromium();
  const sharedFixtures = await mkdtemp(path.join(os.tmpdir(), "defcon-shared-fixtures-"));
  project.provide("buildHostUrl", pool.url);
  project.provide("cardStore", cardStore);
  project.provide("chromiumUrl", chromium.url);
  project.provide("sharedFixtures", sharedFixtures);
  return async () => {
    await Promise.all([pool.close(), chromium.close(), rm(sharedFixtures, { recursive: true, force: true })]);
  };
}
