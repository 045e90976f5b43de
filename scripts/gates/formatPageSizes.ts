import { BUDGETS, kb } from "./checkBudgets.ts";
import type { PageTypeSize } from "./runGates.ts";

/** The build summary's table of page weights: the heaviest page of each type, as transferred. */
export function formatPageSizes(sizes: readonly PageTypeSize[]): string {
  const width = Math.max(...sizes.map((size) => size.type.length), 4);
  const lines = sizes.map(({ type, count, largest, weight }) => {
    const parts = `HTML ${kb(weight.html)} + CSS ${kb(weight.css)}` + (weight.other ? ` + other ${kb(weight.other)}` : "");
    return `  ${type.padEnd(width)}  ${kb(weight.total).padStart(9)}  (${parts}; ${count} page${count === 1 ? "" : "s"}, heaviest /${largest})`;
  });
  return [`Page weights, gzipped, heaviest of each type (budget ${kb(BUDGETS.page)} a page; home HTML+CSS ${kb(BUDGETS.homeHtmlAndCss)}):`, ...lines].join("\n");
}
