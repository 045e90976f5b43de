import { closest, distance } from "fastest-levenshtein";

/**
 * The known name an editor probably meant, or undefined when none is close: one that contains
 * what was typed ("Europe" → "Eastern Europe"), or one a few typing slips away ("Eastern Europ").
 * Letter case is ignored, so "asia-pacific" suggests "Asia-Pacific".
 */
export function didYouMean(typed: string, known: readonly string[]): string | undefined {
  const wanted = typed.trim().toLowerCase();
  if (wanted === "" || known.length === 0) return undefined;
  const lower = known.map((name) => name.toLowerCase());
  const containing = lower.findIndex((name) => name.includes(wanted));
  if (containing !== -1 && wanted.length >= 3) return known[containing];
  const nearest = closest(wanted, lower);
  // A third of the longer name: "Eastern Europ" is a slip, "Antarctica" → "Global" is not.
  const slips = Math.max(2, Math.floor(Math.max(wanted.length, nearest.length) / 3));
  return distance(wanted, nearest) <= slips ? known[lower.indexOf(nearest)] : undefined;
}
