import type { GateFailure, SiteGate } from "./gate.ts";
import { resolveReference } from "./resolveReference.ts";

/**
 * Readers' privacy: no page, stylesheet or feed makes a reader's browser (or feed reader) fetch
 * anything from another origin (scripts, styles, fonts, images, frames), which would tell that
 * origin who reads what. Ordinary links to other sites are fine: they are followed by choice.
 */
export function checkThirdParty(): SiteGate {
  return {
    name: "third-party",
    check(site) {
      const failures: GateFailure[] = [];
      const sources = [
        ...[...site.pages.values()].map((page) => ({ path: page.path, url: page.url, references: page.facts.references })),
        ...site.others.map((file) => ({ path: file.path, url: `/${file.path}`, references: file.references })),
      ];
      for (const source of sources) {
        for (const reference of source.references) {
          if (reference.kind !== "resource") continue;
          const resolved = resolveReference(reference.url, source.url, site);
          if (resolved.kind === "external") {
            failures.push({
              gate: "third-party",
              path: source.path,
              reason: `loads ${reference.url} (${reference.where}) from the third-party origin ${resolved.origin}; serve it from this site instead`,
            });
          }
        }
      }
      return failures;
    },
  };
}
