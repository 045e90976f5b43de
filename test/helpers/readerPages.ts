import { listHtmlFiles } from "../../scripts/gates/runGates.ts";
import { ADMIN_PAGE } from "../../scripts/cms/decapBundle.ts";

/**
 * Whether an output HTML file is a page for readers: every page but the editors' CMS, which is
 * Decap's application (no site header, feeds, share card or level banner; the gates still hold
 * it to the disclaimer, a title and one <h1>), with its own tests (test/browser/cms.test.ts).
 */
export function isReaderPage(file: string): boolean {
  return !`/${file}`.startsWith(ADMIN_PAGE);
}

/** Every page of a built site that readers see, as forward-slash paths relative to it. */
export async function listReaderPages(output: string): Promise<string[]> {
  return (await listHtmlFiles(output)).filter(isReaderPage);
}
