import type { AnalysisRecord } from "../content/validateAnalysis.ts";
import type { Problem } from "../content/problem.ts";
import { analysisUrl } from "../content/siteIndex.ts";

export interface AliasRedirects {
  /** The `_redirects` file: "old new 301" per alias, with a comment naming where it was declared. */
  text: string;
  problems: Problem[];
}

/** Compares addresses the way Netlify matches them: with or without the trailing slash. */
function key(url: string): string {
  return url.length > 1 ? url.replace(/\/+$/, "") : url;
}

/**
 * Turns the analyses' `aliases` into Netlify 301 rules. An alias may not be the address of a
 * page the site publishes (the page would shadow the redirect) nor be claimed by two analyses.
 */
export function aliasRedirects(analyses: readonly AnalysisRecord[], pageUrls: readonly string[]): AliasRedirects {
  const pages = new Set(pageUrls.map(key));
  const claimed = new Map<string, string>();
  const problems: Problem[] = [];
  const lines = ["# Old addresses of analyses (front matter `aliases`), written by scripts/eleventy/aliasesPlugin.ts."];
  for (const analysis of analyses) {
    (analysis.aliases ?? []).forEach((alias, index) => {
      const field = `aliases[${index}]`;
      const owner = claimed.get(key(alias));
      if (pages.has(key(alias))) {
        problems.push({ file: analysis.file, field, message: `"${alias}" is the address of a page on the site; an alias must be an address that no longer exists` });
      } else if (owner !== undefined) {
        problems.push({ file: analysis.file, field, message: `"${alias}" is already an alias of ${owner}; an old address can lead to one analysis only` });
      } else {
        claimed.set(key(alias), analysis.file);
        lines.push(`${alias} ${analysisUrl(analysis.slug)} 301  # ${analysis.file} ${field}`);
      }
    });
  }
  return { text: lines.join("\n") + "\n", problems };
}
