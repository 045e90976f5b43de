// Drives Pagefind's component UI on /search/ (loaded after /pagefind/pagefind-component-ui.js):
// starts the search the URL describes and keeps the URL in step with what the reader does.
import { pagefindSort, readSearchState, searchStateQuery } from "./searchState.js";
import { mergedBundles, orderAcrossShards } from "./searchShards.js";
import { showResultsInSteps } from "./searchMore.js";
import { foldFiltersWhenNarrow } from "./searchFilterFold.js";

const root = document.querySelector("[data-search]");
const components = /** @type {any} */ (window).PagefindComponents;

if (root && components) {
  root.querySelector("[data-search-fallback]")?.remove();
  for (const hidden of root.querySelectorAll("[data-search-controls], [data-search-filters]")) {
    /** @type {HTMLElement} */ (hidden).hidden = false;
  }

  const instance = components.getInstanceManager().getInstance("default");
  instance.applyOptions({ mergeIndex: mergedBundles(/** @type {HTMLElement} */ (root).dataset["searchShards"]) });
  showResultsInSteps(
    instance,
    /** @type {HTMLElement} */ (root.querySelector("pagefind-results")),
    /** @type {HTMLButtonElement} */ (root.querySelector("[data-search-more]")),
  );
  const order = /** @type {HTMLSelectElement} */ (root.querySelector("[data-search-order]"));
  const state = readSearchState(location.search);
  foldFiltersWhenNarrow(
    /** @type {HTMLDetailsElement} */ (root.querySelector("[data-search-filters-fold]")),
    Object.values(state.filters).some((values) => values.length > 0),
  );
  let sort = state.sort;
  order.value = sort;
  instance.searchSort = pagefindSort(sort);

  /** @param {string} term @param {Record<string, string[]>} filters */
  const keepInUrl = (term, filters) => {
    const query = searchStateQuery({ q: term, filters, sort });
    if (query !== location.search) history.replaceState(null, "", `${location.pathname}${query}`);
  };
  order.addEventListener("change", () => {
    sort = order.value;
    instance.searchSort = pagefindSort(sort);
    instance.triggerSearchWithFilters(instance.searchTerm ?? "", instance.searchFilters ?? {});
  });

  // Pagefind runs an opening search of its own once loaded (every result, for browsing by filter).
  // It is left to this script instead, so that the first results shown are already in the order
  // of one index (orderAcrossShards), and the URL follows the reader only from then on.
  instance.faceted = false;
  instance.triggerLoad().then(() => {
    instance.faceted = true;
    const pagefind = instance.__pagefind__;
    const search = pagefind.search.bind(pagefind);
    pagefind.search = async (/** @type {string | null} */ term, /** @type {{ sort?: Record<string, string> }} */ options) => {
      const response = await search(term, options);
      if (response?.results) response.results = orderAcrossShards(response.results, options?.sort);
      return response;
    };
    instance.on("search", (/** @type {string} */ term, /** @type {Record<string, string[]>} */ filters) => keepInUrl(term ?? "", filters ?? {}));
    // A reader who typed while the index loaded keeps their words.
    const typed = /** @type {HTMLInputElement | null} */ (root.querySelector("pagefind-input input"))?.value.trim() ?? "";
    instance.triggerSearchWithFilters(typed || state.q, state.filters);
    /** @type {HTMLElement} */ (root).dataset["searchReady"] = "";
  });
}
