import path from "node:path";
import * as pagefind from "pagefind";
import type { LevelModel } from "../level/levelModel.ts";
import { assessmentRecord } from "./assessmentRecord.ts";

/** Where Pagefind's bundle goes, relative to the output folder; the search page loads it from /pagefind/. */
export const SEARCH_BUNDLE_DIR = "pagefind";

/**
 * Only analyses are pages in the index. Their layout marks the article with data-pagefind-body,
 * but a glob keeps the index deliberate even if another page type gains that attribute.
 */
export const INDEXED_PAGES_GLOB = "articles/*/index.html";

export interface SearchIndexReport {
  pages: number;
  assessments: number;
}

export class SearchIndexError extends Error {}

/**
 * Indexes the staged output with Pagefind's Node API (no shell-out) and writes the bundle into
 * `<outputDir>/pagefind/`: every analysis, plus one custom record per assessment of the level history.
 */
export async function indexSearch(outputDir: string, level: Pick<LevelModel, "history" | "meanings">): Promise<SearchIndexReport> {
  const fail = (step: string, errors: readonly string[]) => {
    throw new SearchIndexError(`Pagefind could not ${step}: ${errors.join("; ")}`);
  };
  try {
    const created = await pagefind.createIndex({ forceLanguage: "en" });
    if (!created.index) return fail("start", created.errors);
    const index = created.index;

    const pages = await index.addDirectory({ path: outputDir, glob: INDEXED_PAGES_GLOB });
    if (pages.errors.length) fail(`index ${INDEXED_PAGES_GLOB}`, pages.errors);

    for (const assessment of level.history) {
      const added = await index.addCustomRecord(assessmentRecord(assessment, level.meanings));
      if (added.errors.length) fail(`index the assessment of ${assessment.date} (_data/levels.json)`, added.errors);
    }

    const written = await index.writeFiles({ outputPath: path.join(outputDir, SEARCH_BUNDLE_DIR) });
    if (written.errors.length) fail(`write ${SEARCH_BUNDLE_DIR}/`, written.errors);
    return { pages: pages.page_count, assessments: level.history.length };
  } finally {
    // The service is a child process; leaving it running would keep the build from exiting.
    await pagefind.close();
  }
}
