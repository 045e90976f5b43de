import type { GateFailure, SiteGate } from "./gate.ts";
import { resolveReference } from "./resolveReference.ts";
import { referenceSources } from "./referenceSources.ts";

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
      for (const source of referenceSources(site)) {
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
