/**
 * The edit loop of the natural stack, as a floor for `npm start`'s: bare Eleventy's dev server
 * (`--serve --incremental`, naturalStack.ts) on the same analyses, one layout and no lists, timed
 * from saving a title edit to Eleventy's "Wrote" line, as devLoop.ts times the project's.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { withTempFolder } from "./benchProject.ts";
import { TITLE_EDITS } from "./devLoop.ts";
import { DevServer } from "./devServer.ts";
import { createNaturalStack, NATURAL_DEV_SERVER_ARGS } from "./naturalStack.ts";
import { syntheticSlug, withEditedTitle } from "./syntheticCorpus.ts";

export interface NaturalDevLoopResult {
  /** From each save to the rebuild's "Wrote" line (after one untimed edit). */
  rebuiltMs: number[];
  /** Eleventy's own count of each of those rebuilds. */
  eleventySeconds: number[];
}

/** How long the server is left alone after a rebuild, so that edits do not overlap. */
const SETTLE_MS = 1500;
/** How long after its first build the watcher is given to list the files. */
const WATCHER_SETTLE_MS = 3000;

export async function measureNaturalDevLoop(benchRoot: string, projectRoot: string, analyses: number): Promise<NaturalDevLoopResult> {
  return withTempFolder("defcon-bench-natural-dev-", async (dest) => {
    await createNaturalStack(benchRoot, dest, projectRoot);
    const server = await DevServer.start(dest, NATURAL_DEV_SERVER_ARGS);
    try {
      const first = await server.ready(30 * 60_000);
      // The watcher says it is watching before it has listed thousands of files: an edit at once is missed.
      await sleep(WATCHER_SETTLE_MS);
      const timeoutMs = Math.max(60_000, 10 * first.seconds * 1000);
      const file = path.join(dest, "site/articles", `${syntheticSlug(analyses)}.md`);
      const result: NaturalDevLoopResult = { rebuiltMs: [], eleventySeconds: [] };
      for (let i = 0; i <= TITLE_EDITS; i++) {
        const text = await readFile(file, "utf8");
        const since = performance.now();
        await writeFile(file, withEditedTitle(text, `edited ${i}`));
        const build = await server.buildAfter(since, timeoutMs);
        if (i > 0) {
          result.rebuiltMs.push(build.at - since);
          result.eleventySeconds.push(build.seconds);
          console.error(`  natural stack's dev server, title edit ${i}/${TITLE_EDITS}: rebuilt ${(build.at - since).toFixed(0)} ms`);
        }
        await sleep(SETTLE_MS);
      }
      return result;
    } finally {
      await server.stop();
    }
  });
}
