import { beforeAll, describe, expect, it } from "vitest";
import { buildLevelModel } from "../../scripts/level/levelModel.ts";
import type { LevelMeaning, LevelNumber } from "../../scripts/level/types.ts";

const colours = { 5: "Green", 4: "Blue", 3: "Yellow", 2: "Orange", 1: "Red" } as const;
const meanings = Object.fromEntries(
  ([1, 2, 3, 4, 5] as LevelNumber[]).map((level) => [
    level,
    { level, colour: colours[level], name: `n${level}`, meaning: "m", advice: "a", swatch: { light: { fill: "#000000", text: "#ffffff" }, dark: { fill: "#000000", text: "#ffffff" } }, cadence: { everyDays: 21 } } satisfies LevelMeaning,
  ]),
) as Record<LevelNumber, LevelMeaning>;

const a = (date: string, level: number, reason = "r") => ({ date, level, reason });

describe("buildLevelModel", () => {
  it("sorts unsorted input by time and takes the latest as current", () => {
    const model = buildLevelModel([a("2022-03-13", 3), a("2012-01-08", 4), a("2025-09-08", 5)], meanings);
    expect(model.history.map((x) => x.date)).toEqual(["2012-01-08", "2022-03-13", "2025-09-08"]);
    expect(model.current.level).toBe(5);
    expect(model.current.colour).toBe("Green");
    expect(model.newestFirst[0]).toBe(model.current);
  });

  it("says whether each assessment raised, lowered or kept the level (a lower number is more severe)", () => {
    const model = buildLevelModel([a("2020-01-01", 5), a("2020-02-01", 4), a("2020-03-01", 4), a("2020-04-01", 5)], meanings);
    expect(model.history.map((x) => x.change)).toEqual(["first", "raised", "kept", "lowered"]);
    expect(model.history[1]!.previousLevel).toBe(5);
    expect(model.history[0]!.previousLevel).toBeUndefined();
  });

  it("finds the start of the current stretch, skipping kept-level updates", () => {
    const model = buildLevelModel([a("2025-05-18", 4), a("2025-09-08", 5), a("2025-10-01", 5), a("2025-11-01", 5)], meanings);
    expect(model.currentSince.date).toBe("2025-09-08");
    expect(model.current.date).toBe("2025-11-01");
  });

  it("handles a single assessment", () => {
    const model = buildLevelModel([a("1984-06-01", 5)], meanings);
    expect(model.current).toBe(model.currentSince);
    expect(model.current.change).toBe("first");
    expect(model.levelAt(new Date("1984-05-31T23:59:59Z"))).toBeUndefined();
    expect(model.levelAt(new Date("2030-01-01"))?.level).toBe(5);
  });

  it("keeps file order for several assessments on one day, the last one winning, with unique ids", () => {
    const model = buildLevelModel([a("2022-03-13", 4, "morning"), a("2022-03-13", 3, "evening"), a("2022-03-12", 5)], meanings);
    expect(model.current.reason).toBe("evening");
    expect(model.history.map((x) => x.id)).toEqual([
      "assessment-2022-03-12",
      "assessment-2022-03-13",
      "assessment-2022-03-13-2",
    ]);
    expect(model.levelAt(new Date("2022-03-13T12:00:00Z"))?.reason).toBe("evening");
  });

  it("places date-times in UTC and gives them a time in the id", () => {
    const model = buildLevelModel([a("2022-03-13", 4), a("2022-03-13T18:30Z", 3)], meanings);
    expect(model.current.hasTime).toBe(true);
    expect(model.current.id).toBe("assessment-2022-03-13-1830");
    expect(model.levelAt(new Date("2022-03-13T18:29:59Z"))?.level).toBe(4);
    expect(model.levelAt(new Date("2022-03-13T18:30:00Z"))?.level).toBe(3);
  });

  it("looks up the level in force at any instant, including after the last entry", () => {
    const model = buildLevelModel([a("2012-01-08", 4), a("2014-03-02", 5), a("2022-03-13", 3)], meanings);
    expect(model.levelAt(new Date("2013-06-01"))?.level).toBe(4);
    expect(model.levelAt(new Date("2014-03-02T00:00:00Z"))?.level).toBe(5);
    expect(model.levelAt(new Date("2014-03-01T23:59:59Z"))?.level).toBe(4);
    expect(model.levelAt(new Date("2099-01-01"))?.level).toBe(3);
    expect(model.levelAt(new Date("2000-01-01"))).toBeUndefined();
  });

  it("refuses an empty history", () => {
    expect(() => buildLevelModel([], meanings)).toThrow(/no assessments/);
  });
});

describe("the levels CSV", () => {
  it("quotes what needs quoting and reads back exactly, line breaks, quotes and non-ASCII included", async () => {
    const { parse } = await import("csv-parse/sync");
    const { levelsCsv } = await import("../../scripts/level/levelsCsv.ts");
    const reasons = ['Plain.', 'A comma, then more', 'He said "no"', "Two\nlines", "=1+1 is not a formula here", "India–Pakistan, café"];
    const history = {
      version: 1,
      current: 4 as const,
      historyUrl: "https://example.org/history/",
      pollIntervalSeconds: 600,
      assessments: reasons.map((reason, i) => ({
        id: `assessment-${i}`,
        level: 4 as const,
        colour: "Blue",
        name: "n",
        date: `2024-01-0${i + 1}`,
        issued: `2024-01-0${i + 1}T00:00:00.000Z`,
        change: "kept" as const,
        previousLevel: null,
        reason,
        url: "https://example.org/history/",
        analysis: i === 0 ? { title: "T", url: "https://example.org/articles/t/" } : null,
      })),
    };
    const csv = levelsCsv(history);
    expect(csv).toContain('"He said ""no"""');
    expect(csv).toContain('"A comma, then more"');
    expect(csv).toContain('"Two\nlines"');
    const rows = parse(csv, { relax_quotes: false }) as string[][];
    expect(rows.slice(1).map((row) => row[4])).toEqual(reasons);
    expect(rows[1]![5]).toBe("https://example.org/articles/t/");
    expect(rows[2]![5]).toBe("");
  });
});

describe("the next scheduled assessment", () => {
  const at = (date: string) => ({ issued: new Date(date.length === 10 ? `${date}T00:00:00Z` : date) }) as Parameters<typeof nextAssessment>[0];
  const monthly = { monthlyOnDay: 1 };
  const threeWeeks = { everyDays: 21 };
  let nextAssessment: typeof import("../../scripts/level/nextAssessment.ts").nextAssessment;
  beforeAll(async () => {
    ({ nextAssessment } = await import("../../scripts/level/nextAssessment.ts"));
  });

  it("is the next 1st of a month at Green, even after an assessment made on a 1st or late in a day", () => {
    const now = new Date("2025-01-01T00:00:00Z");
    expect(nextAssessment(at("2025-12-01"), monthly, now).due).toBe("2026-01-01");
    expect(nextAssessment(at("2025-12-15T23:30:00Z"), monthly, now).due).toBe("2026-01-01");
    expect(nextAssessment(at("2025-01-31"), monthly, now).due).toBe("2025-02-01");
    expect(nextAssessment(at("2025-11-30"), { monthlyOnDay: 5 }, now).due).toBe("2025-12-05");
    expect(nextAssessment(at("2025-11-03"), { monthlyOnDay: 5 }, now).due).toBe("2025-11-05");
  });

  it("is three weeks after the last one at Blue", () => {
    expect(nextAssessment(at("2025-01-20T14:00:00Z"), threeWeeks, new Date("2025-01-21")).due).toBe("2025-02-10");
  });

  it("is overdue from the day after it was due (UTC), not before", () => {
    expect(nextAssessment(at("2025-01-20"), threeWeeks, new Date("2025-02-10T23:59:59Z")).overdue).toBe(false);
    expect(nextAssessment(at("2025-01-20"), threeWeeks, new Date("2025-02-11T00:00:00Z")).overdue).toBe(true);
  });
});
