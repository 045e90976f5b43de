import { describe, expect, it } from "vitest";
import { buildLevelModel } from "../../scripts/level/levelModel.ts";
import { levelStats } from "../../scripts/level/levelStats.ts";
import { levelStretches } from "../../scripts/level/levelStretches.ts";
import type { LevelMeaning, LevelNumber } from "../../scripts/level/types.ts";
import { dayCount, percent } from "../../scripts/text/dayCount.ts";

const colours = { 5: "Green", 4: "Blue", 3: "Yellow", 2: "Orange", 1: "Red" } as const;
const meanings = Object.fromEntries(
  ([1, 2, 3, 4, 5] as LevelNumber[]).map((level) => [level, { level, colour: colours[level], name: `n${level}`, meaning: "m", advice: "a" }]),
) as Record<LevelNumber, LevelMeaning>;
const a = (date: string, level: number, reason = "r") => ({ date, level, reason });
const history = (...entries: ReturnType<typeof a>[]) => buildLevelModel(entries, meanings).history;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const row = (stats: ReturnType<typeof levelStats>, level: LevelNumber) => stats.levels.find((r) => r.level === level)!;

describe("levelStretches", () => {
  it("merges kept assessments into the stretch they continue", () => {
    const stretches = levelStretches(history(a("2020-01-01", 5), a("2020-02-01", 5), a("2020-03-01", 4), a("2020-04-01", 4)), day("2020-05-01"));
    expect(stretches.map((s) => [s.level, s.from.toISOString().slice(0, 10), s.to.toISOString().slice(0, 10)])).toEqual([
      [5, "2020-01-01", "2020-03-01"],
      [4, "2020-03-01", "2020-05-01"],
    ]);
    expect(stretches[1]!.previousLevel).toBe(5);
    expect(stretches[1]!.start.id).toBe("assessment-2020-03-01");
  });

  it("lets the last of several assessments on one day win, and gives the others no time", () => {
    const stretches = levelStretches(history(a("2020-01-01", 5), a("2020-02-01", 3), a("2020-02-01", 4), a("2020-02-01", 5)), day("2020-03-01"));
    // 3 and 4 lasted no time at all; the level never left 5.
    expect(stretches).toHaveLength(1);
    expect(stretches[0]!.level).toBe(5);
    expect(stretches[0]!.to).toEqual(day("2020-03-01"));
  });

  it("ends the current stretch at today, or at the last assessment if today is earlier", () => {
    const h = history(a("2020-01-01", 4));
    expect(levelStretches(h, day("2021-01-01"))[0]!.to).toEqual(day("2021-01-01"));
    expect(levelStretches(h, day("2019-06-01"))[0]!.to).toEqual(day("2020-01-01"));
  });
});

describe("levelStats", () => {
  it("counts days at each level up to today, with shares that add up to one", () => {
    // 5 for 31 days (Jan), 4 for 29 days (Feb 2020), 5 again for 31 days (March), today is 1 April.
    const stats = levelStats(history(a("2020-01-01", 5), a("2020-02-01", 4), a("2020-03-01", 5)), day("2020-04-01"));
    expect(stats.totalDays).toBe(91);
    expect(row(stats, 5).days).toBe(62);
    expect(row(stats, 4).days).toBe(29);
    expect(row(stats, 3).days).toBe(0);
    expect(row(stats, 5).stretches).toBe(2);
    expect(stats.levels.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 10);
    expect(stats.levels.map((r) => r.level)).toEqual([5, 4, 3, 2, 1]);
    expect(stats.changes).toBe(2);
  });

  it("finds each level's longest stretch, the earliest on a tie, including the running one", () => {
    const stats = levelStats(
      history(a("2020-01-01", 5), a("2020-01-11", 4), a("2020-01-21", 5), a("2020-01-31", 4), a("2020-03-01", 5)),
      day("2020-03-11"),
    );
    expect(row(stats, 5).longest!.from).toEqual(day("2020-01-01"));
    expect(row(stats, 5).longestDays).toBe(10);
    expect(row(stats, 4).longest!.from).toEqual(day("2020-01-31"));
    expect(row(stats, 4).longestDays).toBe(30);
    expect(row(stats, 2).longest).toBeUndefined();
    expect(row(stats, 2).longestDays).toBe(0);
  });

  it("dates the last change from the start of the running stretch, not from a later kept update", () => {
    const model = buildLevelModel([a("2025-05-18", 4), a("2025-09-08", 5), a("2025-10-01", 5), a("2025-11-01", 5)], meanings);
    const stats = levelStats(model.history, day("2025-12-01"));
    expect(stats.current.from).toEqual(day("2025-09-08"));
    expect(stats.current.start).toBe(model.currentSince);
    expect(stats.current.previousLevel).toBe(4);
  });

  it("handles a single assessment issued today: no time has passed, and the level has all of it", () => {
    const stats = levelStats(history(a("2025-12-01", 3)), day("2025-12-01"));
    expect(stats.totalDays).toBe(0);
    expect(stats.changes).toBe(0);
    expect(row(stats, 3).share).toBe(1);
    expect(row(stats, 3).stretches).toBe(1);
  });

  it("counts parts of days when assessments carry a time", () => {
    const stats = levelStats(history(a("2020-01-01T00:00Z", 5), a("2020-01-01T12:00Z", 4)), new Date("2020-01-02T00:00:00Z"));
    expect(row(stats, 5).days).toBe(0.5);
    expect(row(stats, 4).days).toBe(0.5);
  });

  it("gives the same result for unsorted input, since the model sorts once", () => {
    const sorted = levelStats(history(a("2020-01-01", 5), a("2020-02-01", 4), a("2020-03-01", 3)), day("2020-04-01"));
    const unsorted = levelStats(history(a("2020-03-01", 3), a("2020-01-01", 5), a("2020-02-01", 4)), day("2020-04-01"));
    expect(unsorted.levels).toEqual(sorted.levels);
    expect(unsorted.totalDays).toBe(sorted.totalDays);
  });
});

describe("dayCount and percent", () => {
  it("rounds to whole days with a thousands separator and the right plural", () => {
    expect(dayCount(1234.4)).toBe("1,234 days");
    expect(dayCount(1)).toBe("1 day");
    expect(dayCount(0.4)).toBe("0 days");
    expect(percent(0.21934)).toBe("21.9%");
    expect(percent(0)).toBe("0%");
  });
});
