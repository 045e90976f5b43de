import { parseBuildSummary, parseCardsDrawn, type BuildSummary } from "./buildSummary.ts";
import { runMeasured } from "./measuredProcess.ts";
import { buildCommandArgs } from "../build/packageCommand.ts";
import type { TreeMemory } from "./processTreeMemory.ts";

export interface FullBuildRun {
  wallSeconds: number;
  summary: BuildSummary;
  /** Share cards drawn by this run (a first build draws every card; later ones reuse them). */
  cardsDrawn: number;
  memory: TreeMemory | undefined;
}

/** `npm run build` in a project copy, as its own process (what Netlify runs), measured. */
export async function runFullBuild(root: string): Promise<FullBuildRun> {
  const run = await runMeasured(process.execPath, buildCommandArgs(root), { cwd: root });
  const summary = parseBuildSummary(run.stdout);
  if (!summary) throw new Error(`The build printed no summary line:\n${run.stdout}\n${run.stderr}`);
  return { wallSeconds: run.wallSeconds, summary, cardsDrawn: parseCardsDrawn(run.stdout), memory: run.memory };
}
