import type { LevelMeaning, LevelNumber } from "../level/types.ts";
import type { Problem } from "./problem.ts";
import { schemaProblems } from "./schemaProblems.ts";
import { contrastRatio } from "../level/contrastRatio.ts";

/** WCAG 2 AA for normal text: a level's number and colour word are written on its colour. */
const MIN_CONTRAST = 4.5;

const HEX = { type: "string", pattern: "^#[0-9a-fA-F]{6}$", description: "a colour as #rrggbb, e.g. #17683a" };
const SWATCH = {
  type: "object",
  required: ["fill", "text"],
  additionalProperties: false,
  description: "the level's background colour (fill) and the colour of text on it",
  properties: { fill: HEX, text: HEX },
};

export const meaningsSchema = {
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
        required: ["level", "colour", "name", "meaning", "advice", "swatch", "cadence"],
        additionalProperties: false,
        properties: {
          level: { type: "integer", minimum: 1, maximum: 5, description: "a whole number from 1 to 5" },
          colour: { type: "string", minLength: 1, description: "the condition colour word, e.g. Green" },
          name: { type: "string", minLength: 1, description: "a short name, e.g. Calm" },
          meaning: { type: "string", minLength: 1, description: "what the level means" },
          advice: { type: "string", minLength: 1, description: "what a citizen should do at this level" },
          swatch: {
            type: "object",
            required: ["light", "dark"],
            additionalProperties: false,
            description: 'the level\'s colours in the light and the dark theme, e.g. {"light": {"fill": "#17683a", "text": "#ffffff"}, "dark": {…}}',
            properties: { light: SWATCH, dark: SWATCH },
          },
          cadence: {
            type: "object",
            minProperties: 1,
            maxProperties: 1,
            additionalProperties: false,
            description: 'when the next scheduled assessment is due at this level: {"monthlyOnDay": 1} (the 1st of each month) or {"everyDays": 21}',
            properties: {
              monthlyOnDay: { type: "integer", minimum: 1, maximum: 28, description: "a day of the month from 1 to 28" },
              everyDays: { type: "integer", minimum: 1, maximum: 366, description: "a whole number of days from 1 to 366" },
            },
          },
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
    for (const theme of ["light", "dark"] as const) {
      const { fill, text } = meaning.swatch[theme];
      const ratio = contrastRatio(fill, text);
      if (ratio < MIN_CONTRAST) {
        problems.push({
          file,
          entry: `level ${meaning.level}`,
          field: `swatch.${theme}`,
          message: `text ${text} on ${fill} has a contrast of ${ratio.toFixed(2)}:1; readers need at least ${MIN_CONTRAST}:1 (WCAG AA)`,
        });
      }
    }
  }
  return problems.length ? { problems } : { meanings: byLevel, problems };
}
