import { listHtmlFiles } from "../gates/runGates.ts";
import { pageTypeOf, urlPathOf } from "../gates/outputPaths.ts";
import { ADMIN_PAGE } from "../cms/decapBundle.ts";

/**
 * One URL of each page type in a built site (home, analysis, archive, region, history, search…),
 * derived from the output, so audits cover page types as they are added. The editors' CMS is
 * not a page type for readers: it is Decap's application, needs JavaScript, and has its own
 * browser test (test/browser/cms.test.ts).
 */
export async function onePagePerType(output: string): Promise<Map<string, string>> {
  const chosen = new Map<string, string>();
  for (const file of await listHtmlFiles(output)) {
    if (`/${file}`.startsWith(ADMIN_PAGE)) continue;
    const type = pageTypeOf(file);
    if (!chosen.has(type)) chosen.set(type, urlPathOf(file));
  }
  return chosen;
}
