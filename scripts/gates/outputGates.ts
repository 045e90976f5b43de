import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkBudgets } from "./checkBudgets.ts";
import { checkDisclaimer } from "./checkDisclaimer.ts";
import { checkHead } from "./checkHead.ts";
import { checkInlineCode } from "./checkInlineCode.ts";
import { checkLinks } from "./checkLinks.ts";
import { checkThirdParty } from "./checkThirdParty.ts";
import { checkUniqueTitles } from "./checkUniqueTitles.ts";
import { runGates, type GateReport } from "./runGates.ts";

/** The gates every production build passes through, configured from the site's own data. */
export async function runOutputGates(outputDir: string, root: string): Promise<GateReport> {
  const site = JSON.parse(await readFile(path.join(root, "_data/site.json"), "utf8")) as { disclaimer: string; url: string };
  // Netlify sets URL to the production address; the pages' absolute URLs follow it (sitePlugin).
  const origin = process.env["URL"] || site.url;
  return runGates(outputDir, {
    origin,
    alsoFirstParty: [site.url],
    pageGates: [checkDisclaimer(site.disclaimer)],
    factGates: [checkInlineCode(), checkHead(), checkBudgets()],
    siteGates: [checkLinks(), checkThirdParty(), checkUniqueTitles()],
  });
}
