import type { Server } from "node:http";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { createPreviewServer } from "../../scripts/preview/previewServer.ts";
import { onePagePerType } from "../../scripts/preview/pagesByType.ts";
import { listen } from "../../scripts/preview/staticServer.ts";
import { openChromium } from "../helpers/browser.ts";
import { validAnalysis, type BuiltSite } from "../helpers/fixtureSite.ts";
import { builtFixtureSite } from "../helpers/sharedFixtureSite.ts";

/** A word in the fixture's analyses (a title and a body), so searching for it shows highlighted results. */
export const SEARCHABLE_WORD = "Korea";

/** A built fixture site served as Netlify would serve it, with Chromium ready to visit it. */
export interface PreviewedSite {
  site: BuiltSite;
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  browser: Browser;
  /** One URL path of each page type in the output (home, analysis, archive, …). */
  pages: Map<string, string>;
}

/**
 * For a `describe` block: a small site with two analyses in two regions (built once for the run and
 * shared with the other files that preview it), served with netlify.toml's headers and redirects
 * (scripts/preview/), and the run's Chromium connected to; both are let go after the block. The
 * returned object is filled in before the first test runs.
 */
export function previewedSite(): PreviewedSite {
  const previewed = {} as PreviewedSite;
  const site = builtFixtureSite(
    {
      analyses: {
        "korea-missile-tests": validAnalysis({
          title: `${SEARCHABLE_WORD} missile tests`,
          regions: ["Asia-Pacific"],
          body: `${SEARCHABLE_WORD} launched missiles.\n\n## Why it matters\n\nText.`,
        }),
        "baltic-exercises": validAnalysis({ title: "Baltic exercises", date: "2024-06-01", regions: ["Eastern Europe"] }),
      },
    },
    { DEFCON_BUILD_DATE: "2026-06-01" },
  );
  let server: Server | undefined;
  beforeAll(async () => {
    previewed.site = site;
    server = await createPreviewServer({ root: site.output, netlifyToml: path.join(site.root, "netlify.toml") });
    previewed.origin = await listen(server);
    previewed.browser = await openChromium();
    previewed.pages = await onePagePerType(site.output);
  });
  afterAll(async () => {
    await previewed.browser?.close();
    server?.close();
  });
  return previewed;
}
