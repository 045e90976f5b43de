import { listHtmlFiles } from "../gates/runGates.ts";
import { pageTypeOf, urlPathOf } from "../gates/outputPaths.ts";

/**
 * One URL of each page type in a built site (home, analysis, archive, region, history, search…),
 * derived from the output, so audits cover page types as they are added.
 */
export async function onePagePerType(output: string): Promise<Map<string, string>> {
  const chosen = new Map<string, string>();
  for (const file of await listHtmlFiles(output)) {
    const type = pageTypeOf(file);
    if (!chosen.has(type)) chosen.set(type, urlPathOf(file));
  }
  return chosen;
}
