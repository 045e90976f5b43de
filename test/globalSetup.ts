/**
 * Runs once per `vitest run`, before any test file: starts the pool of warm build hosts that
 * fixture sites build on (test/helpers/buildHostPool.ts), and stops it after the last file.
 */
import type { TestProject } from "vitest/node";
import { startBuildHostPool } from "./helpers/buildHostPool.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where fixture sites send their builds: see test/helpers/buildHostPool.ts. */
    buildHostUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pool = await startBuildHostPool();
  project.provide("buildHostUrl", pool.url);
  return () => pool.close();
}
