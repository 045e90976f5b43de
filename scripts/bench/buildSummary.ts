/**
 * The production build's summary line, "✔ Built N pages into _site/ in X s (content a s,
 * loading Eleventy b s, Eleventy c s, gates d s, search e s, offline f s).", read by phase name
 * so that a phase added or renamed in scripts/build/productionBuild.ts shows up by itself.
 */
export interface BuildSummary {
  pages: number;
  totalSeconds: number;
  /** Seconds of each phase, in the order the line gives them. */
  phases: Map<string, number>;
}

export function parseBuildSummary(stdout: string): BuildSummary | undefined {
  const line = /✔ Built (\d+) pages into \S+ in ([\d.]+) s \(([^)]*)\)/.exec(stdout);
  if (!line) return undefined;
  const phases = new Map<string, number>();
  for (const part of line[3]!.split(",")) {
    const phase = /^\s*(.*\S)\s+([\d.]+) s\s*$/.exec(part);
    if (phase) phases.set(phase[1]!, Number(phase[2]));
  }
  return { pages: Number(line[1]), totalSeconds: Number(line[2]), phases };
}

/** Share cards the build drew ("✔ Share cards: N drawn …"); a first build draws every one. */
export function parseCardsDrawn(stdout: string): number {
  return Number(/Share cards: (\d+) drawn/.exec(stdout)?.[1] ?? 0);
}
