import { foldWhitespace, pageText } from "./visibleText.ts";
import type { FactGate } from "./gate.ts";

/**
 * Every page must show the organisation's disclaimer, word for word, as visible text:
 * readers have mistaken sites like this one for an official government source.
 * It reads the visible text from the shared parse; only a failing page is parsed again, to
 * say whether the disclaimer is missing or merely hidden.
 */
export function checkDisclaimer(disclaimer: string): FactGate {
  const expected = foldWhitespace(disclaimer);
  return {
    name: "disclaimer",
    check(page) {
      // The template writes the disclaimer with single spaces, so the unfolded text usually holds
      // it as it is; a match there is a match after folding too (the disclaimer has no runs of
      // whitespace to fold). Folding the whole page is the slow path, for reflowed text.
      const text = page.facts.visibleText;
      if (text.includes(expected) || foldWhitespace(text).includes(expected)) return [];
      return [
        pageText(page.html, true).includes(expected)
          ? "the disclaimer is in the HTML but hidden from readers (hidden element, closed <details>, or visually-hidden class)"
          : "the disclaimer is missing or altered: the page's visible text must contain it word for word",
      ];
    },
  };
}
