import type { Assessment } from "../level/types.ts";

/**
 * An assessment's change in the site's own words (levelLabel.ts, changeWords.ts):
 * "DEFCON 4 Blue → DEFCON 3 Yellow (raised)", "… (kept)", "DEFCON 5 Green (first assessment)".
 */
export function describeChange(assessment: Assessment): string {
  const { changeWords, label, previousLabel } = assessment;
  if (previousLabel === undefined) return `${label} (${changeWords.headline.toLowerCase()})`;
  return `${previousLabel} → ${label} (${changeWords.word.toLowerCase()})`;
}
