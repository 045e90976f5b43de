import { analysisUrl } from "../content/siteIndex.ts";

/** Where `npm start` serves the site: Eleventy's dev server on its default port (package.json sets none). */
export const DEV_SERVER_ORIGIN = "http://localhost:8080";

/** An analysis's page as `npm start` shows it, drafts included. */
export function devServerAnalysisAddress(slug: string): string {
  return DEV_SERVER_ORIGIN + analysisUrl(slug);
}
