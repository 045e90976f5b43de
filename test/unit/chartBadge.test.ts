import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { badge, BADGE_COLOURS } from "../../scripts/chart/badge.ts";
import { PROJECT_ROOT } from "../helpers/fixtureSite.ts";

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("badge", () => {
  it('says "DEFCON 4 · BLUE" and sizes its two parts to their text', () => {
    const b = badge(4, "Blue");
    expect(b.label).toBe("DEFCON 4 · BLUE");
    expect(b.left.text).toBe("DEFCON 4");
    expect(b.right.text).toBe("BLUE");
    expect(b.right.x).toBe(b.left.width);
    expect(b.width).toBe(b.left.width + b.right.width);
    expect(b.left.textLength).toBeLessThan(b.left.width);
    expect(badge(3, "Yellow").right.width).toBeGreaterThan(b.right.width);
  });

  it("uses the site's light-theme level colours, so the badge matches the site", () => {
    const css = readFileSync(path.join(PROJECT_ROOT, "site/assets/css/site.css"), "utf8");
    const root = css.slice(css.indexOf(":root {"), css.indexOf("}", css.indexOf(":root {")));
    for (const level of [1, 2, 3, 4, 5] as const) {
      const declared = new RegExp(`--level-${level}: (#[0-9a-f]{6}); --level-${level}-text: (#[0-9a-f]{6})`).exec(root);
      expect(declared, `--level-${level} in site.css :root`).not.toBeNull();
      expect(BADGE_COLOURS[level]).toEqual({ fill: declared![1], text: declared![2] });
    }
  });

  it("keeps every level's text readable on its colour (WCAG AA for bold small text, 4.5:1)", () => {
    for (const level of [1, 2, 3, 4, 5] as const) {
      const { fill, text } = BADGE_COLOURS[level];
      expect(contrast(fill, text), `DEFCON ${level}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(badge(5, "Green").labelFill, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});
