import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildLevelModel } from "../../scripts/level/levelModel.ts";
import { contrastRatio } from "../../scripts/level/contrastRatio.ts";
import type { LevelMeaning, LevelNumber } from "../../scripts/level/types.ts";
import type { AnalysisRecord } from "../../scripts/content/validateAnalysis.ts";
import { cardColourPairs, type CardNode } from "../../scripts/shareCard/cardLayout.ts";
import { drawnByCardFonts } from "../../scripts/shareCard/cardFonts.ts";
import { planShareCards, PreparedCards } from "../../scripts/shareCard/shareCards.ts";
import drawCard from "../../scripts/shareCard/cardWorker.js";
import { PROJECT_ROOT } from "../helpers/projectRoot.ts";

const { levels } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "_data/levelMeanings.json"), "utf8")) as { levels: LevelMeaning[] };
const meanings = Object.fromEntries(levels.map((meaning) => [meaning.level, meaning])) as Record<LevelNumber, LevelMeaning>;
const SITE = { name: "The DEFCON Warning System", officialNotice: "Not an official government alert level." };

const analysis = (slug: string, title: string, date: string): AnalysisRecord => ({
  slug,
  file: `site/articles/${slug}.md`,
  title,
  date,
  summary: "s",
  regions: [],
  draft: false,
  words: 100,
});

/** Every text the card draws, in order. */
function texts(node: CardNode | CardNode[] | undefined): string[] {
  if (node === undefined) return [];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (typeof node === "string") return [node];
  return texts(node.props.children);
}

describe("share card colours", () => {
  it.each(levels.map((meaning) => [meaning.level, meaning] as const))("pass WCAG AA (4.5:1) for every text on the DEFCON %i card", (_, meaning) => {
    for (const pair of cardColourPairs(meaning.swatch.light)) {
      expect(contrastRatio(pair.text, pair.background), pair.what).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("planShareCards", () => {
  const history = [
    { date: "2020-01-01", level: 5, reason: "Calm." },
    { date: "2024-03-01", level: 4, reason: "Tension." },
  ];
  const model = buildLevelModel(history, meanings);
  const analyses = [analysis("before", "Before the record", "2019-05-01"), analysis("tension", "Tension rises", "2024-03-02"), analysis("calm", "A calm year", "2021-06-01")];

  it("draws the current level on one card, and each analysis with the level in force when it was written", () => {
    const cards = planShareCards(model, analyses, SITE);
    expect(texts(cards.current.tree)).toEqual(expect.arrayContaining([SITE.name, SITE.officialNotice, "DEFCON 4", "Blue", "1 March 2024"]));
    expect(texts(cards.bySlug.get("tension")!.tree)).toEqual(expect.arrayContaining(["Tension rises", "DEFCON 4", "Blue", "2 March 2024", SITE.officialNotice]));
    expect(texts(cards.bySlug.get("calm")!.tree)).toEqual(expect.arrayContaining(["A calm year", "DEFCON 5", "Green"]));
    expect(texts(cards.bySlug.get("before")!.tree).join(" ")).not.toMatch(/DEFCON \d/);
    expect(cards.all).toHaveLength(4);
  });

  it("gives a card the same address as long as its picture is the same, and a new one when it changes", () => {
    const first = planShareCards(model, analyses, SITE);
    const again = planShareCards(buildLevelModel(history, meanings), analyses.map((a) => ({ ...a })), SITE);
    expect([...again.bySlug.values()].map((c) => c.url)).toEqual([...first.bySlug.values()].map((c) => c.url));
    expect(again.current.url).toBe(first.current.url);

    const retitled = planShareCards(model, analyses.map((a) => (a.slug === "tension" ? { ...a, title: "Tension rises again" } : a)), SITE);
    expect(retitled.bySlug.get("tension")!.url).not.toBe(first.bySlug.get("tension")!.url);
    expect(retitled.bySlug.get("calm")!.url).toBe(first.bySlug.get("calm")!.url);

    // A new assessment changes the current card, not an old analysis's.
    const raised = planShareCards(buildLevelModel([...history, { date: "2024-09-01", level: 3, reason: "Worse." }], meanings), analyses, SITE);
    expect(raised.current.url).not.toBe(first.current.url);
    expect(raised.bySlug.get("calm")!.url).toBe(first.bySlug.get("calm")!.url);
  });

  it("prepares again, on a rebuild, only the cards whose analysis or level changed", () => {
    const prepared = new PreparedCards();
    const first = planShareCards(model, analyses, SITE, prepared);
    const retitled = analyses.map((a) => (a.slug === "calm" ? { ...a, title: "A calmer year" } : a));
    const second = planShareCards(model, retitled, SITE, prepared);
    // The same card objects, not equal copies: their layout and fingerprint were not worked out again.
    expect(second.bySlug.get("tension")).toBe(first.bySlug.get("tension"));
    expect(second.current).toBe(first.current);
    expect(second.bySlug.get("calm")).not.toBe(first.bySlug.get("calm"));
    // What a rebuild names is what a fresh plan names.
    expect(second).toEqual(planShareCards(model, retitled, SITE));
    const raised = buildLevelModel([...history, { date: "2024-03-02", level: 3, reason: "Worse." }], meanings);
    const third = planShareCards(raised, retitled, SITE, prepared);
    expect(third).toEqual(planShareCards(raised, retitled, SITE));
    expect(third.bySlug.get("tension")).not.toBe(second.bySlug.get("tension"));
    expect(third.bySlug.get("calm")).toBe(second.bySlug.get("calm"));
  });

  it("leaves out a title the card's fonts cannot draw, and still names it in the alt text", () => {
    const cards = planShareCards(model, [analysis("tokyo", "東京の抑止力", "2024-04-01")], SITE);
    const card = cards.bySlug.get("tokyo")!;
    expect(texts(card.tree)).not.toContain("東京の抑止力");
    expect(texts(card.tree)).toContain(`An analysis by ${SITE.name}`);
    expect(card.alt).toContain("“東京の抑止力”");
  });
});

describe("the card fonts", () => {
  it("draw Latin, Latin Extended, Cyrillic and Greek, and nothing else", () => {
    for (const text of ["Deterrence & détente — 2024", "Łódź, İstanbul, Şile", "Київ і Москва", "Αθήνα"]) expect(drawnByCardFonts(text), text).toBe(true);
    for (const text of ["東京", "القدس", "☢️"]) expect(drawnByCardFonts(text), text).toBe(false);
  });

  // Two different words of the same length look alike only if every letter is the same missing-glyph box.
  const picture = (text: string) =>
    drawCard({
      tree: { type: "div", props: { style: { display: "flex", width: 400, height: 100, fontSize: 48, fontFamily: "Noto Sans latin, Noto Sans latin-ext, Noto Sans cyrillic, Noto Sans greek" }, children: text } },
      width: 400,
      height: 100,
    });

  it("are the ones the worker draws with: Cyrillic and Greek letters are drawn, not boxes", async () => {
    expect(Buffer.from(await picture("ЖИЖИ")).equals(Buffer.from(await picture("ИЖИЖ")))).toBe(false);
    expect(Buffer.from(await picture("ΔΛΔΛ")).equals(Buffer.from(await picture("ΛΔΛΔ")))).toBe(false);
    // The comparison can tell: letters no shipped font has are all the same box.
    expect(Buffer.from(await picture("東京東京")).equals(Buffer.from(await picture("京東京東")))).toBe(true);
  });

  it("keeps memory flat while drawing many cards (each painted picture is freed, not left for a collection that never comes)", async () => {
    await picture("warm up");
    const before = process.memoryUsage().rss;
    // Each picture holds about 3 MB outside the JavaScript heap: 48 cards left uncollected add about 150 MB.
    for (let i = 0; i < 48; i++) await drawCard({ tree: { type: "div", props: { style: { display: "flex", width: 1200, height: 630 }, children: `card ${i}` } }, width: 1200, height: 630 });
    expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(60);
  });
});
