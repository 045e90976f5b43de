import type { Problem } from "./problem.ts";
import { schemaProblems } from "./schemaProblems.ts";

export interface Region {
  name: string;
  description: string;
}

export const regionsSchema = {
  type: "object",
  required: ["regions"],
  additionalProperties: false,
  properties: {
    regions: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "description"],
        additionalProperties: false,
        properties: {
          name: { type: "string", minLength: 1, description: "the region's name as analyses write it, e.g. Asia-Pacific" },
          description: { type: "string", minLength: 1, description: "one sentence shown on the region's page" },
        },
      },
    },
  },
};

/** Checks `_data/regionList.json`, the list of regions an analysis may name (not `regions.json`: Eleventy would merge that global into every article's own `regions` field). */
export function validateRegions(raw: unknown, file: string): { regions: Region[]; problems: Problem[] } {
  const problems = schemaProblems(regionsSchema, raw, file, (path) =>
    path[1] !== undefined ? `region #${Number(path[1]) + 1}` : undefined,
  );
  return { regions: problems.length ? [] : (raw as { regions: Region[] }).regions, problems };
}
