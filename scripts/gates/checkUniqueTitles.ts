import type { GateFailure, SiteGate } from "./gate.ts";

/**
 * Titles are what readers see in tabs, bookmarks, history and search results: two pages with
 * the same title are indistinguishable there (e.g. page 2 of an archive titled like page 1).
 */
export function checkUniqueTitles(): SiteGate {
  return {
    name: "unique-title",
    check(site) {
      const firstWithTitle = new Map<string, string>();
      const failures: GateFailure[] = [];
      for (const page of site.pages.values()) {
        const title = page.facts.titles[0];
        if (title === undefined || title === "") continue;
        const first = firstWithTitle.get(title);
        if (first === undefined) firstWithTitle.set(title, page.path);
        else failures.push({ gate: "unique-title", path: page.path, reason: `has the same <title> as ${first}: "${title}"` });
      }
      return failures;
    },
  };
}
