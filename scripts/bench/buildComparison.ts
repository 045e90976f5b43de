/**
 * The production build against the natural stack (naturalStack.ts) on one corpus: rounds that
 * alternate which of the two goes first, so that the machine's noise (a shared machine varies by
 * ±30 % over a day) falls on both; then the sizes of their output and a first search.
 */
import path from "node:path";
import { measureFirstQuery, type FirstQuery } from "./firstQueryBytes.ts";
import { runFullBuild, type FullBuildRun } from "./fullBuild.ts";
import { createNaturalStack, runNaturalStack, type NaturalStackRun } from "./naturalStack.ts";
import { outputSize, type OutputSize } from "./outputSize.ts";
import { withTempFolder } from "./benchProject.ts";
import { firstQueryWord, typedQueryWords, type SearchWord } from "./searchWords.ts";
import { mib } from "./markdownTable.ts";
import type { TreeMemory } from "./processTreeMemory.ts";

export interface Round {
  /** Which ran first. */
  fullBuildFirst: boolean;
  full: FullBuildRun;
  baseline: NaturalStackRun;
}

export interface BuildComparison {
  analyses: number;
  /**
   * The first build in a fresh folder, which draws every share card; later builds (and every
   * Netlify build after the first) reuse them from .cache/share-cards/. Not in the medians.
   */
  firstBuild: FullBuildRun;
  rounds: Round[];
  fullOutput: OutputSize;
  baselineOutput: OutputSize;
  firstQuery: FirstQuery;
  typedWords: SearchWord[];
}

const peak = (memory: TreeMemory | undefined) => (memory ? `${mib(memory.largestKiB * 1024)} MiB` : "memory n/a");

/** Measures the project copy in `root` (its synthetic corpus written) against the natural stack. */
export async function compareWithNaturalStack(projectRoot: string, root: string, analyses: number, runs: number): Promise<BuildComparison> {
  return withTempFolder("defcon-bench-baseline-", async (baselineRoot) => {
    await createNaturalStack(root, baselineRoot, projectRoot);

    const firstBuild = await runFullBuild(root);
    console.error(
      `  ${analyses} analyses, first build: ${firstBuild.wallSeconds.toFixed(2)} s, ${firstBuild.cardsDrawn} share cards drawn, ` +
        `largest process ${peak(firstBuild.memory)}`,
    );

    const rounds: Round[] = [];
    for (let i = 0; i < runs; i++) {
      // full, baseline, baseline, full, full, baseline…
      const fullBuildFirst = i % 2 === 0;
      let full: FullBuildRun | undefined;
      let baseline: NaturalStackRun | undefined;
      for (const which of fullBuildFirst ? ["full", "baseline"] : ["baseline", "full"]) {
        if (which === "full") {
          full = await runFullBuild(root);
          console.error(
            `  ${analyses} analyses, round ${i + 1}/${runs}, full build: ${full.wallSeconds.toFixed(2)} s, ` +
              `${full.cardsDrawn} share cards drawn, largest process ${peak(full.memory)}`,
          );
        } else {
          baseline = await runNaturalStack(baselineRoot);
          console.error(
            `  ${analyses} analyses, round ${i + 1}/${runs}, baseline: ${baseline.wallSeconds.toFixed(2)} s ` +
              `(Eleventy ${baseline.eleventySeconds.toFixed(2)} s, Pagefind ${baseline.pagefindSeconds.toFixed(2)} s), largest process ${peak(baseline.memory)}`,
          );
        }
      }
      rounds.push({ fullBuildFirst, full: full!, baseline: baseline! });
      console.error(`  ${analyses} analyses, round ${i + 1}/${runs}: full build / baseline = ${(full!.wallSeconds / baseline!.wallSeconds).toFixed(2)}`);
    }

    const [fullOutput, baselineOutput] = await Promise.all([outputSize(path.join(root, "_site")), outputSize(path.join(baselineRoot, "_site"))]);
    const typedWords = typedQueryWords();
    console.error(`  ${analyses} analyses, first query in Chromium…`);
    const firstQuery = await measureFirstQuery(
      path.join(root, "_site"),
      firstQueryWord().word,
      typedWords.map((w) => w.word),
    );
    return { analyses, firstBuild, rounds, fullOutput, baselineOutput, firstQuery, typedWords };
  });
}
