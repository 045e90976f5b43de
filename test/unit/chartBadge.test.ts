import { describe, expect, it } from "vitest";
import { badge } from "../../scripts/chart/badge.ts";
import { contrastRatio } from "../../scripts/level/contrastRatio.ts";
import { levelTokens } from "../../scripts/level/levelTokens.ts";
import type { LevelMeaning, LevelNumber } from "../../scripts/level/types.ts";
import { validateMeanings } from "../../scripts/content/validateMeanings.ts";
import meaningsFile from "../../_data/levelMeanings.json" with { type: "json" };

const meanings = Object.fromEntries(meaningsFile.levels.map((m) => [m.level, m])) as unknown as Record<LevelNumber, LevelMeaning>;
const blue = meanings[4].swatch.light;

describe("badge", () => {
  it('says "DEFCON 4 · BLUE" and sizes its two parts to their text', () => {
    const b = badge(4, "Blue", blue);
    expect(b.label).toBe("DEFCON 4 · BLUE");
    expect(b.left.text).toBe("DEFCON 4");
    expect(b.right.text).toBe("BLUE");
    expect(b.right.x).toBe(b.left.width);
    expect(b.width).toBe(b.left.width + b.right.width);
    expect(b.left.textLength).toBeLessThan(b.left.width);
    expect(badge(3, "Yellow", meanings[3].swatch.light).right.width).toBeGreaterThan(b.right.width);
  });

  it("is painted in the level's light-theme colours from the one data file", () => {
    expect(badge(4, "Blue", blue)).toMatchObject({ fill: blue.fill, text: blue.text });
    expect(contrastRatio(badge(5, "Green", meanings[5].swatch.light).labelFill, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});

describe("level colours", () => {
  it("become the stylesheet's custom properties, light and dark, from the same data", () => {
    const css = levelTokens(meanings);
    const [light, dark] = css.split("@media (prefers-color-scheme: dark)") as [string, string];
    for (const level of [1, 2, 3, 4, 5] as const) {
      const { swatch } = meanings[level];
      expect(light).toContain(`--level-${level}: ${swatch.light.fill}; --level-${level}-text: ${swatch.light.text};`);
      expect(dark).toContain(`--level-${level}: ${swatch.dark.fill}; --level-${level}-text: ${swatch.dark.text};`);
    }
  });

  it("measure contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("are refused, by level and theme, when text on a level's colour would be hard to read", () => {
    const raw = structuredClone(meaningsFile);
    raw.levels.find((m) => m.level === 3)!.swatch.dark.text = "#ffffff";
    const { problems } = validateMeanings(raw, "_data/levelMeanings.json");
    expect(problems).toEqual([
      expect.objectContaining({ entry: "level 3", field: "swatch.dark", message: expect.stringMatching(/text #ffffff on #f2c230 has a contrast of 1\.\d\d:1; readers need at least 4.5:1/) }),
    ]);
    expect(validateMeanings(meaningsFile, "_data/levelMeanings.json").problems).toEqual([]);
  });
});

describe("the stylesheet's parts", () => {
  it("are all bundled: every file in the folder is listed once, in cascade order", async () => {
    const { readdirSync } = await import("node:fs");
    const { STYLESHEET_DIR, STYLESHEET_PARTS } = await import("../../scripts/eleventy/stylesheetPlugin.ts");
    expect([...STYLESHEET_PARTS].sort()).toEqual(readdirSync(STYLESHEET_DIR).filter((name) => name.endsWith(".css")).sort());
    expect(STYLESHEET_PARTS[0]).toBe("base.css");
    expect(STYLESHEET_PARTS.at(-1)).toBe("print.css");
  });
});

describe("the dark colour scheme", () => {
  /** The text inside each `@media (prefers-color-scheme: dark) { … }` of `css`, braces matched. */
  function darkBlocks(css: string): string[] {
    const blocks: string[] = [];
    const opener = "@media (prefers-color-scheme: dark)";
    for (let at = css.indexOf(opener); at !== -1; at = css.indexOf(opener, at + 1)) {
      const start = css.indexOf("{", at);
      let depth = 0;
      let end = start;
      do {
        if (css[end] === "{") depth++;
        else if (css[end] === "}") depth--;
        end++;
      } while (depth > 0 && end < css.length);
      blocks.push(css.slice(start + 1, end - 1));
    }
    return blocks;
  }

  // The accessibility audit checks only the colour rules in dark mode, on the strength of this.
  it("changes only colour properties in dark mode", async () => {
    const { bundleStylesheet } = await import("../../scripts/eleventy/stylesheetPlugin.ts");
    const blocks = darkBlocks(bundleStylesheet(process.cwd()));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const declarations = blocks.flatMap((block) => [...block.matchAll(/([\w-]+)\s*:\s*([^;{}]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
    expect(declarations.length).toBeGreaterThan(10);
    for (const [property, value] of declarations) {
      expect(property, `${property}: ${value}`).toMatch(/^--/);
      expect(value, `${property}: ${value}`).toMatch(/^#[0-9a-f]{3,8}$/i);
    }
  });
});

describe("a level's cadence", () => {
  const withCadence = (level: number, cadence: unknown) => ({
    levels: meaningsFile.levels.map((m) => (m.level === level ? { ...m, cadence } : m)),
  });
  it("is required, and must be one of a day of the month or a number of days, refused by level and field", () => {
    const { cadence: _dropped, ...withoutCadence } = meaningsFile.levels[0]!;
    const missing = validateMeanings({ levels: [withoutCadence, ...meaningsFile.levels.slice(1)] }, "_data/levelMeanings.json").problems;
    expect(missing.map((p) => `${p.entry} ${p.field}: ${p.message}`).join("\n")).toMatch(/level entry #1 cadence: is required but missing/);
    for (const wrong of [{ monthlyOnDay: 31 }, { everyDays: 0 }, { monthlyOnDay: 1, everyDays: 7 }, { weekly: true }]) {
      const problems = validateMeanings(withCadence(4, wrong), "_data/levelMeanings.json").problems;
      expect(problems.length, JSON.stringify(wrong)).toBeGreaterThan(0);
      expect(problems.every((p) => p.entry === "level entry #2"), JSON.stringify(problems)).toBe(true);
    }
    expect(validateMeanings(withCadence(4, { everyDays: 21 }), "_data/levelMeanings.json").problems).toEqual([]);
  });

  it("is the organisation's: the 1st of each month at Green, about three weeks at Blue", () => {
    const cadence = Object.fromEntries(meaningsFile.levels.map((m) => [m.level, m.cadence]));
    expect(cadence[5]).toEqual({ monthlyOnDay: 1 });
    expect(cadence[4]).toEqual({ everyDays: 21 });
  });
});
