import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { insertArrayEntry } from "../../scripts/cli/insertArrayEntry.ts";
import { topLevelArraySpans } from "../../scripts/cli/jsonArraySpans.ts";
import { PROJECT_ROOT } from "../helpers/projectRoot.ts";
import { levelsWithLine } from "./levelsWithLine.ts";

type Entry = Record<string, unknown>;
const ENTRY: Entry = { date: "2026-06-01T09:30Z", level: 3, reason: "A new \"quoted\" reason: [brackets] {braces} \\ – done." };

/** The text with ENTRY inserted as assessments[index]. */
function insert(text: string, index: number, entry: Entry = ENTRY): string {
  const spans = topLevelArraySpans(text, "assessments");
  if (!spans) throw new Error("no assessments array");
  return insertArrayEntry(text, spans, index, entry);
}

function withEntry(value: { assessments: Entry[] }, index: number, entry: Entry = ENTRY) {
  const assessments = [...value.assessments];
  assessments.splice(index, 0, entry);
  return { ...value, assessments };
}

const SAMPLE = {
  $schema: "./levels.schema.json",
  sample: true,
  assessments: [
    { date: "2024-01-01", level: 5, reason: "Calm ] } \" [ {" },
    { date: "2024-06-01", level: 4, reason: "Tension.", article: "korea" },
    { date: "2025-01-01", level: 5, reason: "Calm again." },
  ],
};

describe("adding an assessment to levels.json as the file is written", () => {
  it("adds one line to the project's own file, in its spacing, and changes nothing else", () => {
    const text = readFileSync(`${PROJECT_ROOT}/_data/levels.json`, "utf8");
    const count = (JSON.parse(text) as { assessments: unknown[] }).assessments.length;
    expect(insert(text, count)).toBe(
      levelsWithLine(text, '    { "date": "2026-06-01T09:30Z", "level": 3, "reason": "A new \\"quoted\\" reason: [brackets] {braces} \\\\ – done." }'),
    );
  });

  it("writes a file laid out by JSON.stringify exactly as JSON.stringify would, at any place and indentation", () => {
    for (const indent of [2, 4, "\t"]) {
      for (const index of [0, 1, 3]) {
        const text = JSON.stringify(SAMPLE, null, indent) + "\n";
        expect(insert(text, index)).toBe(JSON.stringify(withEntry(SAMPLE, index), null, indent) + "\n");
      }
    }
  });

  it("keeps a compact file compact, and a file without a final newline without one", () => {
    expect(insert(JSON.stringify(SAMPLE), 2)).toBe(JSON.stringify(withEntry(SAMPLE, 2)));
  });

  it("keeps Windows line endings", () => {
    const text = JSON.stringify(SAMPLE, null, 2).replace(/\n/g, "\r\n") + "\r\n";
    const result = insert(text, 3);
    expect(result).toBe(JSON.stringify(withEntry(SAMPLE, 3), null, 2).replace(/\n/g, "\r\n") + "\r\n");
  });

  it("keeps the other top-level keys where they are, after the list too", () => {
    const text = '{\n  "assessments": [\n    { "date": "2024-01-01", "level": 5, "reason": "a" }\n  ],\n  "sample": true,\n  "$schema": "./levels.schema.json"\n}\n';
    expect(insert(text, 1)).toBe(
      '{\n  "assessments": [\n    { "date": "2024-01-01", "level": 5, "reason": "a" },\n' +
        '    { "date": "2026-06-01T09:30Z", "level": 3, "reason": "A new \\"quoted\\" reason: [brackets] {braces} \\\\ – done." }\n' +
        '  ],\n  "sample": true,\n  "$schema": "./levels.schema.json"\n}\n',
    );
  });

  it("fills an empty list, and reads the last of two equal keys as JSON.parse does", () => {
    const empty = '{\n  "assessments": []\n}\n';
    expect(JSON.parse(insert(empty, 0))).toEqual({ assessments: [ENTRY] });
    const twice = '{"assessments": [{"date": "2020-01-01", "level": 5, "reason": "old"}], "assessments": []}';
    expect(JSON.parse(insert(twice, 0))).toEqual({ assessments: [ENTRY] });
  });

  it("finds no list where there is none", () => {
    expect(topLevelArraySpans('{"assessments": {}}', "assessments")).toBeUndefined();
    expect(topLevelArraySpans("[]", "assessments")).toBeUndefined();
    expect(topLevelArraySpans('{"other": [1]}', "assessments")).toBeUndefined();
  });

  it("always reads back as the list with the entry added, whatever the texts and the layout", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 20 });
    const entry = fc.record({ date: text, level: fc.integer({ min: 1, max: 5 }), reason: text }, { requiredKeys: ["date", "level", "reason"] });
    const layout = fc.constantFrom<number | string | undefined>(undefined, 0, 1, 2, 4, "\t");
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), entry, layout, fc.nat(), (entries, added, indent, at) => {
        const value = { $schema: "./levels.schema.json", assessments: entries as Entry[] };
        const index = at % (entries.length + 1);
        expect(JSON.parse(insert(JSON.stringify(value, null, indent), index, added))).toEqual(withEntry(value, index, added));
      }),
      { numRuns: 300 },
    );
  });
});
