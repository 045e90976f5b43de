// The search page's state as it lives in the URL, so a search can be shared and reloaded:
// /search/?q=korea&region=Asia-Pacific&year=2024&level=DEFCON+4+Blue&sort=date:desc

/** The filters Pagefind indexes (see scripts/search/ and _includes/layouts/analysis.njk). */
export const FILTER_KEYS = ["region", "year", "level"];
const SORTS = ["date:desc", "date:asc"];

/**
 * @typedef {{ q: string, filters: Record<string, string[]>, sort: string }} SearchState
 */

/** @param {string} search location.search, with or without its "?" @returns {SearchState} */
export function readSearchState(search) {
  const params = new URLSearchParams(search);
  /** @type {Record<string, string[]>} */
  const filters = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).filter((value) => value !== "");
    if (values.length) filters[key] = values;
  }
  const sort = params.get("sort") ?? "";
  return { q: (params.get("q") ?? "").trim(), filters, sort: SORTS.includes(sort) ? sort : "" };
}

/**
 * The query string for a state ("" when there is nothing to keep). Filters Pagefind reports in
 * other shapes (a single string) are accepted too.
 * @param {{ q?: string, filters?: Record<string, string[] | string>, sort?: string }} state
 */
export function searchStateQuery({ q = "", filters = {}, sort = "" }) {
  const params = new URLSearchParams();
  if (q.trim()) params.set("q", q.trim());
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    for (const item of Array.isArray(value) ? value : value ? [value] : []) params.append(key, item);
  }
  if (SORTS.includes(sort)) params.set("sort", sort);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** "date:desc" → { date: "desc" }, Pagefind's sort option; "" (best match) → {}. @param {string} sort */
export function pagefindSort(sort) {
  if (!SORTS.includes(sort)) return {};
  const [key, direction] = sort.split(":");
  return { [/** @type {string} */ (key)]: direction };
}
