import { describe, expect, it } from "vitest";
import { buildLevelModel } from "../../scripts/level/levelModel.ts";
import { assessmentsByArticle } from "../../scripts/level/assessmentsByArticle.ts";
import { currentLevelDocument, levelHistoryDocument, POLL_INTERVAL_SECONDS } from "../../scripts/level/levelApi.ts";
import { nextAssessmentOf } from "../../scripts/level/nextAssessment.ts";
import type { AnalysisRecord } from "../../scripts/content/validateAnalysis.ts";
import type { LevelMeaning, LevelNumber } from "../../scripts/level/types.ts";

const colours = { 5: "Green", 4: "Blue", 3: "Yellow", 2: "Orange", 1: "Red" } as const;
const meanings = Object.fromEntries(
  ([1, 2, 3, 4, 5] as LevelNumber[]).map((level) => [level, { level, colour: colours[level], name: `name ${level}`, meaning: `meaning ${level}`, advice: `advice ${level}`, cadence: { everyDays: 21 } }]),
) as Record<LevelNumber, LevelMeaning>;
const a = (date: string, level: number, article?: string) => ({ date, level, reason: `reason ${date}`, ...(article ? { article } : {}) });
const when = (iso: string) => new Date(iso);

describe("level at publication (levelAt)", () => {
  const model = buildLevelModel([a("2022-03-13", 3), a("2012-01-08", 4), a("2025-09-08T14:30:00Z", 5), a("2025-09-08", 2)], meanings);

  it("finds the level in force on a day, from unsorted input", () => {
    expect(model.levelAt(when("2015-06-01T00:00:00Z"))!.level).toBe(4);
    expect(model.levelAt(when("2022-03-13T00:00:00Z"))!.level).toBe(3);
  });

  it("is undefined before the first assessment", () => {
    expect(model.levelAt(when("2000-01-01T00:00:00Z"))).toBeUndefined();
  });

  it("sees an analysis dated the day of a timed assessment as written before it", () => {
    // The analysis (00:00) precedes the 14:30 change it prompted; the 00:00 entry that day is in force.
    expect(model.levelAt(when("2025-09-08T00:00:00Z"))!.level).toBe(2);
    expect(model.levelAt(when("2025-09-08T14:30:00Z"))!.level).toBe(5);
  });

  it("keeps the current level for any date after the last entry", () => {
    expect(model.levelAt(when("2099-01-01T00:00:00Z"))).toBe(model.current);
  });

  it("takes the last of several entries on one day", () => {
    const sameDay = buildLevelModel([a("2020-01-01", 5), a("2020-02-01", 3), a("2020-02-01", 4)], meanings);
    expect(sameDay.levelAt(when("2020-02-01T00:00:00Z"))!.level).toBe(4);
  });
});

describe("assessmentsByArticle", () => {
  it("lists, newest first, the assessments that name each analysis", () => {
    const model = buildLevelModel([a("2020-01-01", 5, "x"), a("2020-02-01", 4), a("2020-03-01", 3, "x"), a("2020-04-01", 4, "y")], meanings);
    const index = assessmentsByArticle(model.history);
    expect(index.get("x")!.map((x) => x.id)).toEqual(["assessment-2020-03-01", "assessment-2020-01-01"]);
    expect(index.get("y")!.map((x) => x.id)).toEqual(["assessment-2020-04-01"]);
    expect(index.has("z")).toBe(false);
  });
});

describe("level API documents", () => {
  const model = buildLevelModel([a("2025-05-18", 4), a("2025-09-08", 5, "ceasefire"), a("2025-12-01", 5)], meanings);
  const analyses = new Map<string, AnalysisRecord>([
    ["ceasefire", { slug: "ceasefire", file: "site/articles/ceasefire.md", title: "The ceasefire holds", date: "2025-09-07", summary: "s", regions: [], draft: false, words: 100 }],
  ]);

  it("describes the current level from the latest assessment, since the last change", () => {
    const doc = currentLevelDocument(model, "https://example.org", analyses, nextAssessmentOf(model, new Date("2025-01-01T00:00:00Z")));
    expect(doc).toMatchObject({
      level: 5,
      colour: "Green",
      name: "name 5",
      meaning: "meaning 5",
      date: "2025-12-01",
      issued: "2025-12-01T00:00:00.000Z",
      since: "2025-09-08T00:00:00.000Z",
      change: "kept",
      previousLevel: 5,
      reason: "reason 2025-12-01",
      analysis: null,
      url: "https://example.org/history/#assessment-2025-12-01",
      historyUrl: "https://example.org/history/",
      pollIntervalSeconds: POLL_INTERVAL_SECONDS,
    });
  });

  it("lists the whole history newest first, with the analysis behind each", () => {
    const doc = levelHistoryDocument(model, "https://example.org", analyses);
    expect(doc.current).toBe(5);
    expect(doc.assessments.map((x) => x.date)).toEqual(["2025-12-01", "2025-09-08", "2025-05-18"]);
    expect(doc.assessments[1]!.analysis).toEqual({ title: "The ceasefire holds", url: "https://example.org/articles/ceasefire/" });
    expect(doc.assessments[2]!.previousLevel).toBeNull();
    expect(doc.assessments[2]!.change).toBe("first");
  });
});
