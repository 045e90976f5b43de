import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeChange } from "../../scripts/cli/describeChange.ts";
import { validateMeanings } from "../../scripts/content/validateMeanings.ts";
import { buildLevelModel } from "../../scripts/level/levelModel.ts";
import { PROJECT_ROOT } from "../helpers/projectRoot.ts";

const meanings = validateMeanings(JSON.parse(readFileSync(`${PROJECT_ROOT}/_data/levelMeanings.json`, "utf8")), "_data/levelMeanings.json").meanings!;

describe("what npm run assess says changed", () => {
  it("uses the site's labels and change words", () => {
    const model = buildLevelModel(
      [
        { date: "2024-01-01", level: 5, reason: "a" },
        { date: "2024-02-01", level: 4, reason: "b" },
        { date: "2024-03-01", level: 3, reason: "c" },
        { date: "2024-04-01", level: 3, reason: "d" },
        { date: "2024-05-01", level: 5, reason: "e" },
      ],
      meanings,
    );
    expect(model.history.map(describeChange)).toEqual([
      "DEFCON 5 Green (first assessment)",
      "DEFCON 5 Green → DEFCON 4 Blue (raised)",
      "DEFCON 4 Blue → DEFCON 3 Yellow (raised)",
      "DEFCON 3 Yellow → DEFCON 3 Yellow (kept)",
      "DEFCON 3 Yellow → DEFCON 5 Green (lowered)",
    ]);
  });
});
