// Pagefind's results component builds an element and an observer for every result of a search
// before showing any: for a common word in a large archive (3,388 results for "treaty" among
// 4,000 analyses) that took seconds. The page shows results a step at a time instead, with a
// button for the next step; the summary still counts them all.

export const RESULTS_PER_STEP = 50;

/**
 * @param {any} instance Pagefind's component UI instance
 * @param {HTMLElement} results the <pagefind-results> element
 * @param {HTMLButtonElement} button "Show more results", after the results
 */
export function showResultsInSteps(instance, results, button) {
  let shown = RESULTS_PER_STEP;
  let total = 0;
  let showingMore = false;
  const limit = () => results.setAttribute("max-results", String(shown));
  limit();
  instance.on("search", () => {
    // A new query or filter starts again from the first step.
    if (!showingMore) {
      shown = RESULTS_PER_STEP;
      limit();
    }
    showingMore = false;
  });
  instance.on("results", (/** @type {{ results?: unknown[] }} */ response) => {
    total = response?.results?.length ?? 0;
    const next = Math.min(RESULTS_PER_STEP, total - shown);
    button.hidden = next <= 0;
    button.textContent = `Show ${next} more of ${total} results`;
  });
  button.addEventListener("click", () => {
    showingMore = true;
    shown += RESULTS_PER_STEP;
    limit();
    instance.triggerSearchWithFilters(instance.searchTerm ?? "", instance.searchFilters ?? {});
  });
}
