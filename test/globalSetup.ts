/**
 * Runs once per `vitest run`, before any test file: starts the pool of warm build hosts that
 * fixture sites build on (test/helpers/buildHostPool.ts), opens the store of drawn share cards
 * (test/helpers/cardStore.ts) and offers the run's Chromium (test/helpers/sharedChromium.ts);
 * after the last file, stops the hosts and Chromium.
 */
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
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pool = await startBuildHostPool();
  const cardStore = await openCardStore();
  const chromium = await startSharedChromium();
  project.provide("buildHostUrl", pool.url);
  project.provide("cardStore", cardStore);
  project.provide("chromiumUrl", chromium.url);
  return async () => {
    await Promise.all([pool.close(), chromium.close()]);
  };
}
