import type { FactGate } from "./gate.ts";
import { pageWeight } from "./pageWeight.ts";
import { ADMIN_PAGE } from "../cms/decapBundle.ts";

/**
 * Pages the budgets do not apply to, each with the reason. The CMS is Decap's prebuilt bundle
 * (about 1.5 MB gzipped), loaded by editors only: readers never reach it (noindex, linked from
 * nowhere), and it cannot be made smaller than the bundle npm ships.
 */
export const BUDGET_EXEMPT: ReadonlyMap<string, string> = new Map([[ADMIN_PAGE, "the editors' CMS, Decap's bundle as npm ships it"]]);

export const BUDGETS = {
  /** The home page's HTML and CSS, gzipped, fit in the first round trip (TCP's ~14 KB initial window). */
  homeHtmlAndCss: 14 * 1024,
  /** What any page needs before search is used, as transferred. */
  page: 100 * 1024,
};

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Performance budgets: the level must reach a reader on a poor connection (in a crisis, many
 * readers at once) in the first round trip, and no page may grow heavy unnoticed.
 */
export function checkBudgets(budgets = BUDGETS): FactGate {
  return {
    name: "budget",
    check(page, site) {
      if (BUDGET_EXEMPT.has(page.url)) return [];
      const reasons: string[] = [];
      const isHome = page.url === "/";
      let weight = pageWeight(page, site, isHome);
      if (!isHome && weight.total > budgets.page) weight = pageWeight(page, site, true);
      if (isHome && weight.html + weight.css > budgets.homeHtmlAndCss) {
        reasons.push(
          `the home page's HTML and CSS are ${kb(weight.html + weight.css)} gzipped (HTML ${kb(weight.html)}, CSS ${kb(weight.css)}); the budget is ${kb(budgets.homeHtmlAndCss)}`,
        );
      }
      if (weight.total > budgets.page) {
        reasons.push(
          `needs ${kb(weight.total)} before search is used (HTML ${kb(weight.html)}, CSS ${kb(weight.css)}, other ${kb(weight.other)}, gzipped); the budget is ${kb(budgets.page)}`,
        );
      }
      return reasons;
    },
  };
}
