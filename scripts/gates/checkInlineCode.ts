import type { FactGate } from "./gate.ts";

/**
 * Nothing in the output may run or style from inside the HTML: the Content-Security-Policy
 * (script-src 'self', style-src 'self') would block it in the browser, and an inline script that
 * slipped in from content is exactly the attack that policy exists to stop.
 */
export function checkInlineCode(): FactGate {
  return {
    name: "inline-code",
    check({ facts }) {
      const reasons: string[] = [];
      if (facts.inlineScripts > 0) {
        reasons.push(
          `has ${facts.inlineScripts} inline <script> element(s); JavaScript must live in a file under site/assets/ loaded with <script src>`,
        );
      }
      if (facts.handlers.length > 0) {
        reasons.push(`has inline event handler(s) (${facts.handlers.join(", ")}); attach listeners from a script file instead`);
      }
      if (facts.javascriptUrls.length > 0) {
        reasons.push(`has javascript: URL(s) (${facts.javascriptUrls.join(", ")}); links must lead to addresses`);
      }
      if (facts.inlineStyles.length > 0) {
        reasons.push(
          `has inline styles (${[...new Set(facts.inlineStyles)].join(", ")}), which the Content-Security-Policy blocks; use a class in _includes/css/site.css`,
        );
      }
      return reasons;
    },
  };
}
