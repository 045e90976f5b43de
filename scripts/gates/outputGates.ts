import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkLinks } from "./checkLinks.ts";
import { checkThirdParty } from "./checkThirdParty.ts";
import { checkUniqueTitles } from "./checkUniqueTitles.ts";
import { keepGzippedSizes, recallGzippedSizes } from "./gzippedSize.ts";
import { runGates, type GateReport } from "./runGates.ts";

/** The gates every production build passes through, configured from the site's own data. */
export async function runOutputGates(
  outputDir: string,
  root: string,
  rendered?: ReadonlyMap<string, string>,
): Promise<GateReport> {
  const site = JSON.parse(await readFile(path.join(root, "_data/site.json"), "utf8")) as { disclaimer: string; url: string };
  // Netlify sets URL to the production address; the pages' absolute URLs follow it (sitePlugin).
  const origin = process.env["URL"] || site.url;
  recallGzippedSizes(root);
  const report = await runGates(outputDir, {
    origin,
    alsoFirstParty: [site.url],
    pageGateConfig: { disclaimer: site.disclaimer },
    ...(rendered ? { rendered } : {}),
    siteGates: [checkLinks(), checkThirdParty(), checkUniqueTitles()],
  });
  keepGzippedSizes(root);
  return report;
}
