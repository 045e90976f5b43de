import type { GateFailure, SiteGate } from "./gate.ts";
import { resolveReference } from "./resolveReference.ts";
import { referenceSources } from "./referenceSources.ts";

/**
 * Paths written after the gates run (the search index is built from the gated pages), so they
 * cannot be checked here; the browser tests load them for real.
 */
export const PRODUCED_AFTER_GATES = ["/pagefind/"];

/** Fragments every browser understands without a matching id. */
const BUILT_IN_FRAGMENTS = new Set(["", "top"]);

/**
 * Every internal link, fragment, image, stylesheet and script resolves to something in the
 * output: a reader never meets a dead link, a missing picture or an unstyled page, and a
 * `#section` link lands on an element with that id in the target page.
 */
export function checkLinks(): SiteGate {
  return {
    name: "links",
    check(site) {
      const failures: GateFailure[] = [];
      for (const source of referenceSources(site)) {
        for (const reference of source.references) {
          const resolved = resolveReference(reference.url, source.url, site);
          const fail = (reason: string) => failures.push({ gate: "links", path: source.path, reason });
          if (resolved.kind === "invalid") {
            fail(`has a malformed URL "${reference.url}" (${reference.where})`);
            continue;
          }
          if (resolved.kind !== "internal") continue;
          if (PRODUCED_AFTER_GATES.some((prefix) => resolved.pathname.startsWith(prefix))) continue;
          if (resolved.file === undefined) {
            fail(`links to ${reference.url} (${reference.where}), but nothing in the output is at ${resolved.pathname}`);
            continue;
          }
          if (BUILT_IN_FRAGMENTS.has(resolved.fragment.toLowerCase())) continue;
          const target = site.pages.get(resolved.file);
          let id = resolved.fragment;
          try {
            id = decodeURIComponent(id);
          } catch {
            // an undecodable fragment is compared as written
          }
          if (target && !target.facts.ids.has(id)) {
            fail(`links to ${reference.url} (${reference.where}), but ${resolved.file} has no element with id="${id}"`);
          }
        }
      }
      return failures;
    },
  };
}
