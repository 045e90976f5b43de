import { analysisEntryId } from "../feeds/entryId.ts";
import type { Problem } from "./problem.ts";
import type { AnalysisRecord } from "./validateAnalysis.ts";

/**
 * Two published analyses with one feed id: a feed reader would silently drop one of them. It
 * happens when a `feedId` keeps a renamed analysis's old id and a new file takes the old name.
 * The file later in order is named, with the one that has the id already.
 */
export function feedIdClashes(analyses: readonly AnalysisRecord[]): Problem[] {
  const owners = new Map<string, string>();
  const problems: Problem[] = [];
  for (const analysis of [...analyses].filter((a) => !a.draft).sort((a, b) => a.file.localeCompare(b.file))) {
    const id = analysisEntryId(analysis);
    const owner = owners.get(id);
    if (owner === undefined) owners.set(id, analysis.file);
    else {
      problems.push({
        file: analysis.file,
        field: "feedId",
        message: `feed id "${id}" is already the id of ${owner}; give each analysis its own id (docs/feeds.md)`,
      });
    }
  }
  return problems;
}
