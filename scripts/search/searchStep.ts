import { performance } from "node:perf_hooks";
import type { Content } from "../content/loadContent.ts";
import { writeServiceWorker } from "../offline/writeServiceWorker.ts";
import { indexSearch } from "./indexSearch.ts";

export interface SearchStepReport {
  pages: number;
  assessments: number;
  /** Bytes of the search index a reader may download for offline search. */
  indexBytes: number;
  offlineIndexAutomatic: boolean;
  indexMs: number;
  workerMs: number;
}

/**
 * The build's step after the gates and before the swap: index the staged site with Pagefind, then
 * write the service worker, whose manifest lists Pagefind's files (so it must come second).
 */
export async function runSearchStep(stagedDir: string, content: Content): Promise<SearchStepReport> {
  const started = performance.now();
  const indexed = await indexSearch(stagedDir, content.level);
  const afterIndex = performance.now();
  const manifest = await writeServiceWorker(stagedDir, content.articles.map((a) => a.slug));
  return {
    ...indexed,
    indexBytes: manifest.searchIndex.bytes,
    offlineIndexAutomatic: manifest.searchIndex.automatic,
    indexMs: afterIndex - started,
    workerMs: performance.now() - afterIndex,
  };
}
