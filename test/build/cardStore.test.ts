import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";
import { SHARE_CARD_CACHE } from "../../scripts/shareCard/cacheFolder.js";
import { openCardStore } from "../helpers/cardStore.ts";

/** "2 drawn…, 0 unchanged" from a build's summary, as [drawn, unchanged]. */
const cardCounts = (output: string) => /Share cards: (\d+) drawn(?: in [\d.]+ s beside the rendering)?, (\d+) unchanged/.exec(output)?.slice(1).map(Number);

describe("the store of share cards drawn by fixtures", () => {
  const sites: FixtureSite[] = [];
  afterAll(() => Promise.all(sites.map((site) => site.remove())));
  const content = { analyses: { "store-check": validAnalysis({ title: "Card store check" }) } };

  it("gives a fixture the cards an earlier one drew, and one that asks draws them all itself", async () => {
    const drawing = await makeFixtureSite({ ...content, drawsAllCards: true });
    sites.push(drawing);
    const first = await drawing.build();
    expect(first.code, first.output).toBe(0);
    expect(cardCounts(first.output), first.output).toEqual([2, 0]); // the current level's and the analysis's

    const reusing = await makeFixtureSite(content);
    sites.push(reusing);
    const second = await reusing.build();
    expect(second.code, second.output).toBe(0);
    expect(cardCounts(second.output), second.output).toEqual([0, 2]);
    expect(await reusing.read("index.html")).toBe(await drawing.read("index.html"));

    // The store keeps its own links: removing the fixture that drew them loses nothing.
    const cards = await readdir(path.join(drawing.root, SHARE_CARD_CACHE));
    await drawing.remove();
    expect(await readdir(inject("cardStore"))).toEqual(expect.arrayContaining(cards));
  });
});

describe("a fixture's share cards", () => {
  it("start as the cards that fixtures made the same way drew, not as the whole store", async () => {
    const content = { analyses: { "card-share-check": validAnalysis({ title: "Cards of one fixture" }) } };
    const first = await makeFixtureSite(content);
    const other = await makeFixtureSite({ analyses: { "another-check": validAnalysis({ title: "Cards of another fixture" }) } });
    try {
      const [built, builtOther] = await Promise.all([first.build(), other.build()]);
      expect(built.code, built.output).toBe(0);
      expect(builtOther.code, builtOther.output).toBe(0);
      const own = await readdir(path.join(first.root, SHARE_CARD_CACHE));
      const others = await readdir(path.join(other.root, SHARE_CARD_CACHE));
      expect(others.filter((card) => !own.includes(card)), "the other fixture drew cards of its own").not.toEqual([]);
      expect((await readdir(inject("cardStore"))).length, "the store holds more than one fixture's cards").toBeGreaterThan(own.length);

      const again = await makeFixtureSite(content);
      try {
        expect((await readdir(path.join(again.root, SHARE_CARD_CACHE))).sort()).toEqual(own.sort());
        const rebuilt = await again.build();
        expect(cardCounts(rebuilt.output), rebuilt.output).toEqual([0, own.length]);
      } finally {
        await again.remove();
      }
    } finally {
      await Promise.all([first.remove(), other.remove()]);
    }
  });
});

describe("the store between runs", () => {
  it("keeps its cards up to its limit, and lets them all go past it", async () => {
    const store = await mkdtemp(path.join(os.tmpdir(), "defcon-card-store-"));
    try {
      for (const name of ["a1.png", "b2.png", "c3.png"]) await writeFile(path.join(store, name), "");
      await openCardStore(store, 3);
      expect(await readdir(store)).toHaveLength(3);
      await writeFile(path.join(store, "d4.png"), "");
      await openCardStore(store, 3);
      expect(await readdir(store)).toEqual([]);
    } finally {
      await rm(store, { recursive: true, force: true });
    }
  });
});
