/**
 * Runs once per `vitest run`, before any test file: starts the pool of warm build hosts that
 * fixture sites build on (test/helpers/buildHostPool.ts) and makes the run's store of drawn share
 * cards (test/helpers/cardStore.ts); after the last file, stops the one and removes the other.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startBuildHostPool } from "./helpers/buildHostPool.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where fixture sites send their builds: see test/helpers/buildHostPool.ts. */
    buildHostUrl: string;
    /** The folder of share cards drawn so far in this run: see test/helpers/cardStore.ts. */
    cardStore: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pool = await startBuildHostPool();
  const cardStore = await mkdtemp(path.join(os.tmpdir(), "defcon-card-store-"));
  project.provide("buildHostUrl", pool.url);
  project.provide("cardStore", cardStore);
  return async () => {
    await pool.close();
    await rm(cardStore, { recursive: true, force: true });
  };
}
