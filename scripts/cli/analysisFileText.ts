import { PLACEHOLDER_BODY, PLACEHOLDER_SUMMARY } from "../content/placeholderText.ts";

export interface NewAnalysis {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  regions: readonly string[];
}

/**
 * A new analysis as `npm run new` writes it: a draft with the placeholders the build refuses to
 * publish. Every text is written as a JSON string, which is also a YAML double-quoted string
 * (YAML 1.2 contains JSON): colons, quotes, # and backslashes in a title read back exactly.
 */
export function analysisFileText({ title, date, regions }: NewAnalysis): string {
  const lines = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${JSON.stringify(date)}`,
    `summary: ${JSON.stringify(PLACEHOLDER_SUMMARY)}`,
  ];
  if (regions.length > 0) lines.push("regions:", ...regions.map((region) => `  - ${JSON.stringify(region)}`));
  lines.push("draft: true", "---", "", PLACEHOLDER_BODY, "");
  return lines.join("\n");
}
