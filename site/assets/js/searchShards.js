// The search index is written as several Pagefind bundles ("shards", scripts/search/searchShards.ts)
// that this page merges. These two helpers make the merged index answer as one index would.

/**
 * The merged bundles' addresses, which the page lists in data-search-shards (space-separated).
 * @param {string | undefined} listed @returns {{ bundlePath: string }[]}
 */
export function mergedBundles(listed) {
  return (listed ?? "").split(/\s+/).filter((url) => url !== "").map((bundlePath) => ({ bundlePath }));
}

/**
 * Puts the results of a date-sorted search across shards in date order.
 *
 * Pagefind scores a sorted result by its position in its own shard's date order (negated for
 * ascending), and orders merged results by that score alone, keeping shard order between equal
 * scores. The build deals the records out in date order, one to each shard in turn, so position p
 * of shard s is place p·K + s in the whole archive: equal scores are already in date order for
 * "oldest first", and in reverse for "newest first", where each run of equal scores is turned round.
 * Unsorted (best match) results are left as they are.
 *
 * @template {{ score: number }} T
 * @param {T[]} results merged results, as Pagefind ordered them
 * @param {Record<string, string> | undefined} sort e.g. { date: "desc" }
 * @returns {T[]}
 */
export function orderAcrossShards(results, sort) {
  if (!sort || !Object.values(sort).includes("desc")) return results;
  /** @type {T[]} */
  const ordered = [];
  for (let start = 0, end = 0; start < results.length; start = end) {
    while (end < results.length && results[end]?.score === results[start]?.score) end++;
    ordered.push(...results.slice(start, end).reverse());
  }
  return ordered;
}
