// On a narrow screen the filters come before the results, and Pagefind's filter pane lists every
// level, region and year: the first result would be screens down. There the pane is folded into a
// disclosure the reader opens when they want it; it stays open when the URL already filters, so
// that what narrows the results is in sight. Which layout is in force is the stylesheet's to say
// (search.css shows the fold's summary only in the narrow one), so no width is repeated here.

/**
 * @param {HTMLDetailsElement} fold the <details> around the filter pane
 * @param {boolean} filtering whether the search the page opens with has a filter
 */
export function foldFiltersWhenNarrow(fold, filtering) {
  const summary = /** @type {HTMLElement | null} */ (fold.querySelector(":scope > summary"));
  const narrow = () => summary !== null && getComputedStyle(summary).display !== "none";
  if (narrow() && !filtering) fold.open = false;
  // A window widened into the two-column layout, where the summary is hidden, shows the pane.
  addEventListener("resize", () => {
    if (!narrow()) fold.open = true;
  });
}
