import { describe, expect, it } from "vitest";
import { buildLevelModel } from "../../scripts/level/levelModel.ts";
import type { LevelMeaning, LevelNumber } from "../../scripts/level/types.ts";
import { levelStretches } from "../../scripts/level/levelStretches.ts";
import { timeScale } from "../../scripts/chart/timeScale.ts";
import { levelBands, levelY } from "../../scripts/chart/levelBands.ts";
import { stepPath } from "../../scripts/chart/stepPath.ts";
import { changeMarkers, markerOutline } from "../../scripts/chart/changeMarkers.ts";
import { tickInstants, timeTicks } from "../../scripts/chart/timeTicks.ts";
import { CHART_LAYOUTS, levelChart, tickAnchor } from "../../scripts/chart/levelChart.ts";

const colours = { 5: "Green", 4: "Blue", 3: "Yellow", 2: "Orange", 1: "Red" } as const;
const meanings = Object.fromEntries(
  ([1, 2, 3, 4, 5] as LevelNumber[]).map((level) => [level, { level, colour: colours[level], name: "n", meaning: "m", advice: "a" }]),
) as Record<LevelNumber, LevelMeaning>;
const a = (date: string, level: number) => ({ date, level, reason: "r" });
const history = (...entries: ReturnType<typeof a>[]) => buildLevelModel(entries, meanings).history;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("timeScale", () => {
  it("maps the first instant to the left edge, the last to the right, and is linear between", () => {
    const x = timeScale(day("2020-01-01"), day("2020-01-11"), 100, 200);
    expect(x(day("2020-01-01"))).toBe(100);
    expect(x(day("2020-01-11"))).toBe(200);
    expect(x(day("2020-01-06"))).toBe(150);
  });

  it("widens a span shorter than a day to one day, so one assessment issued today still draws a line", () => {
    const x = timeScale(day("2020-01-01"), day("2020-01-01"), 0, 100);
    expect(x.end).toEqual(day("2020-01-02"));
    expect(x(new Date("2020-01-01T12:00:00Z"))).toBe(50);
  });
});

describe("levelBands", () => {
  it("puts DEFCON 1 at the top and 5 at the bottom, in five equal bands that fill the plot", () => {
    const bands = levelBands(10, 250);
    expect(bands.map((b) => b.level)).toEqual([1, 2, 3, 4, 5]);
    expect(bands[0]!.top).toBe(10);
    expect(bands[4]!.top + bands[4]!.height).toBe(260);
    expect(bands.every((b) => b.height === 50)).toBe(true);
    expect(levelY(bands, 1)).toBeLessThan(levelY(bands, 5));
    expect(levelY(bands, 3)).toBe(135);
  });
});

describe("stepPath and changeMarkers", () => {
  const h = history(a("2020-01-01", 5), a("2020-01-11", 4), a("2020-01-21", 4), a("2020-01-31", 5));
  const stretches = levelStretches(h, day("2020-02-10"));
  const x = timeScale(day("2020-01-01"), day("2020-02-10"), 0, 400);
  const bands = levelBands(0, 100);
  const y = (s: { level: LevelNumber }) => levelY(bands, s.level);

  it("draws horizontal runs joined by vertical jumps, ending at today", () => {
    expect(stepPath(stretches, x, y)).toBe("M0 90H100V70H300V90H400");
  });

  it("marks each change once (kept updates are not changes), shaped by its direction", () => {
    const markers = changeMarkers(stretches, x, y, 5);
    expect(markers.map((m) => [m.kind, m.level, m.x, m.y, m.id])).toEqual([
      ["first", 5, 0, 90, "assessment-2020-01-01"],
      ["raised", 4, 100, 70, "assessment-2020-01-11"],
      ["lowered", 5, 300, 90, "assessment-2020-01-31"],
    ]);
  });

  it("points a raise up (towards DEFCON 1) and a lowering down", () => {
    expect(markerOutline("raised", 0, 0, 4)).toBe("M0 -4L4 3L-4 3Z");
    expect(markerOutline("lowered", 0, 0, 4)).toBe("M0 4L4 -3L-4 -3Z");
  });
});

describe("timeTicks", () => {
  it("uses years for forty years of history, at a step that fits", () => {
    const ticks = timeTicks(day("1984-06-01"), day("2025-12-01"), 5);
    expect(ticks.map((t) => t.label)).toEqual(["1990", "2000", "2010", "2020"]);
  });

  it("uses more ticks when there is more room", () => {
    expect(timeTicks(day("1984-06-01"), day("2025-12-01"), 10).map((t) => t.label)).toEqual([
      "1985", "1990", "1995", "2000", "2005", "2010", "2015", "2020", "2025",
    ]);
  });

  it("uses months for a single year, naming the year at the first tick and at each January", () => {
    const ticks = timeTicks(day("2025-02-10"), day("2026-01-15"), 12);
    expect(ticks.map((t) => t.label)).toEqual(["Mar 2025", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan 2026"]);
    const quarterly = timeTicks(day("2025-02-10"), day("2026-01-15"), 5);
    expect(quarterly.map((t) => t.label)).toEqual(["Apr 2025", "Jul", "Oct", "Jan 2026"]);
  });

  it("uses days for a short history and a single dated tick when nothing fits", () => {
    expect(timeTicks(day("2025-12-01"), day("2025-12-02"), 4).map((t) => t.label)).toEqual(["1 Dec 2025", "2 Dec"]);
    expect(timeTicks(new Date("2025-12-01T10:00:00Z"), new Date("2025-12-01T20:00:00Z"), 4).map((t) => t.label)).toEqual(["1 Dec 2025"]);
  });

  it("aligns weekly ticks to Mondays", () => {
    const mondays = tickInstants(day("2025-12-03"), day("2025-12-31"), { unit: "day", step: 7 });
    expect(mondays.map((d) => d.toISOString().slice(0, 10))).toEqual(["2025-12-08", "2025-12-15", "2025-12-22", "2025-12-29"]);
    expect(mondays.every((d) => d.getUTCDay() === 1)).toBe(true);
  });

  it("never returns more ticks than asked for, whatever the span", () => {
    for (const [from, to] of [["1984-01-01", "2026-01-01"], ["2025-01-01", "2025-03-01"], ["2000-01-01", "2001-06-01"]] as const) {
      for (const max of [2, 3, 5, 8, 13]) expect(timeTicks(day(from), day(to), max).length).toBeLessThanOrEqual(max);
    }
  });
});

describe("levelChart", () => {
  const sample = history(a("2014-03-02", 5), a("2012-01-08", 4), a("2022-03-13", 3), a("2025-09-08", 5));

  for (const layout of Object.values(CHART_LAYOUTS)) {
    it(`keeps every mark inside the ${layout.name} drawing and its tick labels apart`, () => {
      const chart = levelChart(sample, day("2026-01-15"), layout);
      for (const m of chart.markers) {
        expect(m.x).toBeGreaterThanOrEqual(chart.plot.left);
        expect(m.x).toBeLessThanOrEqual(chart.plot.right);
      }
      const xs = chart.ticks.map((t) => t.x);
      for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(layout.minTickSpacing * 0.9);
      expect(chart.path.startsWith(`M${chart.plot.left} `)).toBe(true);
      expect(chart.path.endsWith(`H${chart.plot.right}`)).toBe(true);
    });
  }

  it("runs from the first assessment to today, even when today is long after the last entry", () => {
    const chart = levelChart(sample, day("2026-01-15"), CHART_LAYOUTS.wide);
    expect(chart.start).toEqual(day("2012-01-08"));
    expect(chart.end).toEqual(day("2026-01-15"));
    expect(chart.markers.map((m) => m.kind)).toEqual(["first", "lowered", "raised", "lowered"]);
    expect(chart.markers.map((m) => m.level)).toEqual([4, 5, 3, 5]);
  });

  it("draws one assessment as a flat line across the plot with one marker", () => {
    const chart = levelChart(history(a("2025-12-01", 2)), day("2025-12-01"), CHART_LAYOUTS.narrow);
    expect(chart.markers).toHaveLength(1);
    expect(chart.path).toMatch(/^M\S+ \S+H\S+$/);
    expect(chart.ticks.length).toBeGreaterThan(0);
  });

  it("draws many assessments on one day as the last of them", () => {
    const chart = levelChart(history(a("2025-01-01", 5), a("2025-06-01", 3), a("2025-06-01", 4)), day("2025-12-01"), CHART_LAYOUTS.wide);
    expect(chart.markers.map((m) => m.level)).toEqual([5, 4]);
  });

  it("keeps labels at the edges inside the drawing", () => {
    expect(tickAnchor(950, "Jan 2026", 960, 14)).toBe("end");
    expect(tickAnchor(5, "1990", 960, 14)).toBe("start");
    expect(tickAnchor(480, "1990", 960, 14)).toBe("middle");
  });
});
