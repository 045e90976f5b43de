import { foldWhitespace, pageText } from "./visibleText.ts";
import type { PageGate } from "./gate.ts";

/**
 * Every page must show the organisation's disclaimer, word for word, as visible text:
 * readers have mistaken sites like this one for an official government source.
 */
export function checkDisclaimer(disclaimer: string): PageGate {
  const expected = foldWhitespace(disclaimer);
  return {
    name: "disclaimer",
    check(page) {
      if (pageText(page.html).includes(expected)) return [];
      return [
        pageText(page.html, true).includes(expected)
          ? "the disclaimer is in the HTML but hidden from readers (hidden element, closed <details>, or visually-hidden class)"
          : "the disclaimer is missing or altered: the page's visible text must contain it word for word",
      ];
    },
  };
}
