import type { LevelMeaning, LevelNumber } from "../level/types.ts";
import type { Problem } from "./problem.ts";
import { schemaProblems } from "./schemaProblems.ts";

const meaningsSchema = {
  type: "object",
  required: ["levels"],
  additionalProperties: false,
  properties: {
    levels: {
      type: "array",
      minItems: 5,
      maxItems: 5,
      description: "exactly five levels, 5 to 1",
      items: {
        type: "object",
        required: ["level", "colour", "name", "meaning", "advice"],
        additionalProperties: false,
        properties: {
          level: { type: "integer", minimum: 1, maximum: 5, description: "a whole number from 1 to 5" },
          colour: { type: "string", minLength: 1, description: "the condition colour word, e.g. Green" },
          name: { type: "string", minLength: 1, description: "a short name, e.g. Calm" },
          meaning: { type: "string", minLength: 1, description: "what the level means" },
          advice: { type: "string", minLength: 1, description: "what a citizen should do at this level" },
        },
      },
    },
  },
};

export interface MeaningsResult {
  meanings?: Record<LevelNumber, LevelMeaning>;
  problems: Problem[];
}

/** Checks `_data/levelMeanings.json`: one entry for each level 1 to 5, none twice. */
export function validateMeanings(raw: unknown, file: string): MeaningsResult {
  const problems = schemaProblems(meaningsSchema, raw, file, (path) =>
    path[1] !== undefined ? `level entry #${Number(path[1]) + 1}` : undefined,
  );
  if (problems.length) return { problems };
  const byLevel = {} as Record<LevelNumber, LevelMeaning>;
  for (const meaning of (raw as { levels: LevelMeaning[] }).levels) {
    if (byLevel[meaning.level]) {
      problems.push({ file, field: "level", message: `level ${meaning.level} is described twice` });
    }
    byLevel[meaning.level] = meaning;
  }
  return problems.length ? { problems } : { meanings: byLevel, problems };
}
