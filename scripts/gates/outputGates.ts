import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkDisclaimer } from "./checkDisclaimer.ts";
import { runPageGates, type GateReport } from "./runGates.ts";

/** The gates every production build passes through, configured from the site's own data. */
export async function runOutputGates(outputDir: string, root: string): Promise<GateReport> {
  const site = JSON.parse(await readFile(path.join(root, "_data/site.json"), "utf8")) as { disclaimer: string };
  return runPageGates(outputDir, [checkDisclaimer(site.disclaimer)]);
}
