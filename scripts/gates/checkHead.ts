import type { FactGate } from "./gate.ts";

/**
 * Each page says what it is to browsers, search engines and screen readers: one non-empty
 * <title>, a meta description, a canonical URL pointing at the page itself, the language, and
 * exactly one <h1> (the page's name for assistive technology).
 */
export function checkHead(): FactGate {
  return {
    name: "head",
    check({ facts, url }, site) {
      const reasons: string[] = [];
      if (facts.titles.length !== 1 || facts.titles[0] === "") {
        reasons.push(facts.titles.length > 1 ? `has ${facts.titles.length} <title> elements; it needs exactly one` : "has no <title> (or an empty one)");
      }
      if (facts.descriptions.length !== 1 || facts.descriptions[0]!.trim() === "") {
        reasons.push(
          facts.descriptions.length > 1
            ? `has ${facts.descriptions.length} <meta name="description"> elements; it needs exactly one`
            : 'has no <meta name="description"> (or an empty one); set `description` (or `summary`) in the front matter',
        );
      }
      if (facts.canonicals.length !== 1) {
        reasons.push(facts.canonicals.length > 1 ? `has ${facts.canonicals.length} canonical links; it needs exactly one` : 'has no <link rel="canonical">');
      } else {
        const href = facts.canonicals[0]!;
        let canonical: URL | undefined;
        try {
          canonical = new URL(href);
        } catch {
          reasons.push(`its canonical URL "${href}" is not an absolute URL`);
        }
        if (canonical && (!site.firstPartyOrigins.has(canonical.origin) || canonical.pathname !== url)) {
          reasons.push(`its canonical URL "${href}" does not point at the page itself (${site.origin}${url})`);
        }
      }
      if (!facts.lang?.trim()) reasons.push('has no lang on <html>; screen readers need it to pronounce the text');
      if (facts.h1Count !== 1) reasons.push(`has ${facts.h1Count} <h1> elements; a page needs exactly one`);
      return reasons;
    },
  };
}
