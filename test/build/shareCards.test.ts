import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isReaderPage } from "../helpers/readerPages.ts";
import { afterAll, describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { analysisFile, makeFixtureSite, PROJECT_ROOT, validAnalysis, type FixtureOptions, type FixtureSite } from "../helpers/fixtureSite.ts";
import { builtFixtureSite } from "../helpers/sharedFixtureSite.ts";
import { decodePng, readTextAtSize, tesseract } from "../helpers/cardImage.ts";
import { describeWithTool } from "../helpers/requiredTool.ts";
import { BUILD_DATE, LEVEL_4 } from "./historyFixtures.ts";
import { onPostBuild, onPreBuild } from "../../netlify/plugins/share-card-cache/index.js";
import { SHARE_CARD_CACHE } from "../../scripts/shareCard/cacheFolder.js";

const SITE_URL = "https://www.defconwarningsystem.com";
const CARD_URL = new RegExp(`^${SITE_URL}/cards/[0-9a-f]{16}\\.png$`);
const meanings = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "_data/levelMeanings.json"), "utf8")) as {
  levels: { level: number; swatch: { light: { fill: string } } }[];
};
const fillOf = (level: number) => meanings.levels.find((m) => m.level === level)!.swatch.light.fill;

/** LEVEL_4's history (DEFCON 4 Blue since 20 January 2025), with analyses written under other levels and in other scripts. */
const CARDS: FixtureOptions = {
  ...LEVEL_4,
  analyses: {
    ...LEVEL_4.analyses,
    "green-summer": validAnalysis({ title: "A quiet summer", date: "2024-06-01" }),
    "kyiv-talks": validAnalysis({ title: "Переговори в Києві: what the talks change", date: "2025-02-01" }),
    "tokyo-note": validAnalysis({ title: "東京の抑止力", date: "2025-02-02" }),
  },
};

interface ShareMeta {
  [property: string]: string | undefined;
}

function shareMeta(html: string): ShareMeta {
  const $ = cheerio.load(html);
  const meta: ShareMeta = {};
  $("meta[property^='og:'], meta[name^='twitter:']").each((_, element) => {
    meta[$(element).attr("property") ?? $(element).attr("name")!] = $(element).attr("content");
  });
  meta["canonical"] = $("link[rel=canonical]").attr("href");
  return meta;
}

async function htmlPages(output: string): Promise<string[]> {
  const files = await readdir(output, { recursive: true });
  return files.filter((file) => file.endsWith(".html")).map((file) => file.split(path.sep).join("/"));
}

const cardFile = (imageUrl: string) => imageUrl.slice(SITE_URL.length + 1);

describe("share cards", () => {
  const site = builtFixtureSite({ ...CARDS, drawsAllCards: true }, { DEFCON_BUILD_DATE: BUILD_DATE });

  it("gives every page the Open Graph and Twitter tags, with an absolute image address that exists", async () => {
    const pages = (await htmlPages(site.output)).filter(isReaderPage);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const meta = shareMeta(await site.read(page));
      expect(meta["og:title"], page).toBeTruthy();
      expect(meta["og:description"], page).toBeTruthy();
      expect(meta["og:url"], page).toBe(meta["canonical"]);
      expect(meta["og:type"], page).toBe(page.startsWith("articles/") && page !== "articles/index.html" ? "article" : "website");
      expect(meta["og:image"], page).toMatch(CARD_URL);
      expect(meta["og:image:width"], page).toBe("1200");
      expect(meta["og:image:height"], page).toBe("630");
      expect(meta["og:image:alt"], page).toContain("Not an official government alert level.");
      expect(meta["twitter:card"], page).toBe("summary_large_image");
      expect(site.exists(cardFile(meta["og:image"]!)), `${page}: ${meta["og:image"]}`).toBe(true);
    }
  });

  it("shows the current level on the home and level pages, and on an analysis the level in force when it was written", async () => {
    const home = shareMeta(await site.read("index.html"));
    expect(shareMeta(await site.read("levels/index.html"))["og:image"]).toBe(home["og:image"]);
    expect(home["og:image:alt"]).toBe(
      "DEFCON 4 Blue (Watchful), assessed 20 January 2025. The DEFCON Warning System. Not an official government alert level.",
    );

    const tension = shareMeta(await site.read("articles/tension/index.html"));
    expect(tension["og:title"]).toBe("Tension in the strait");
    expect(tension["og:image"]).not.toBe(home["og:image"]);
    expect(tension["og:image:alt"]).toBe(
      "“Tension in the strait”, an analysis written 15 March 2021. DEFCON 4 Blue was in force. The DEFCON Warning System. Not an official government alert level.",
    );
    expect(shareMeta(await site.read("articles/green-summer/index.html"))["og:image:alt"]).toContain("DEFCON 5 Green was in force.");
    // Written before the first assessment: no level to show.
    expect(shareMeta(await site.read("articles/early/index.html"))["og:image:alt"]).toBe(
      "“Before the record”, an analysis written 1 June 2019. The DEFCON Warning System. Not an official government alert level.",
    );
  });

  it("draws 1200×630 PNGs in the colour of the level they show", async () => {
    const card = async (page: string) => {
      const meta = shareMeta(await site.read(page));
      return decodePng(await readFile(path.join(site.output, cardFile(meta["og:image"]!))));
    };
    const home = await card("index.html");
    expect([home.width, home.height]).toEqual([1200, 630]);
    expect(home.pixelsOf(fillOf(4))).toBeGreaterThan(20_000);
    expect(home.pixelsOf(fillOf(5))).toBe(0);

    const green = await card("articles/green-summer/index.html");
    expect([green.width, green.height]).toEqual([1200, 630]);
    expect(green.pixelsOf(fillOf(5))).toBeGreaterThan(5_000);
    expect(green.pixelsOf(fillOf(4))).toBe(0);

    const early = await card("articles/early/index.html");
    for (const level of [1, 2, 3, 4, 5]) expect(early.pixelsOf(fillOf(level))).toBe(0);
  });

  describeWithTool(tesseract, "legible at 600×315 (read by OCR)", () => {
    // Each reading is a Tesseract process: the cards are read side by side.
    const textOf = async (page: string) => {
      const meta = shareMeta(await site.read(page));
      return readTextAtSize(await readFile(path.join(site.output, cardFile(meta["og:image"]!))), 600, 315);
    };

    it.concurrent("the current level's card: level, colour word, date, site name and notice", async () => {
      const text = await textOf("index.html");
      for (const words of ["DEFCON 4", "BLUE", "20 January 2025", "The DEFCON Warning System", "Not an official government alert level"]) {
        expect(text, `"${words}" in: ${text}`).toContain(words);
      }
    });

    it.concurrent("an analysis's card: its title and the level in force when it was written", async () => {
      const text = await textOf("articles/green-summer/index.html");
      for (const words of ["A quiet summer", "DEFCON 5", "GREEN", "1 June 2024", "The DEFCON Warning System", "Not an official government alert level"]) {
        expect(text, `"${words}" in: ${text}`).toContain(words);
      }
    });

    it.concurrent("keeps a title partly in Cyrillic (its Latin words read back) and leaves out one the card's fonts cannot draw", async () => {
      const [kyiv, tokyo] = await Promise.all([textOf("articles/kyiv-talks/index.html"), textOf("articles/tokyo-note/index.html")]);
      expect(kyiv).toContain("what the talks change");
      expect(tokyo).toContain("An analysis by The DEFCON Warning System");
    });
  });
});

describe("share cards across builds", () => {
  let site: FixtureSite | undefined;
  let netlifyCache: string | undefined;
  afterAll(async () => {
    await site?.remove();
    if (netlifyCache) await rm(netlifyCache, { recursive: true, force: true });
  });

  const imageOf = async (page: string) => shareMeta(await site!.read(page))["og:image"]!;
  const build = async () => {
    const result = await site!.build({ DEFCON_BUILD_DATE: BUILD_DATE });
    expect(result.code, result.output).toBe(0);
    return /Share cards: (\d+) drawn(?: in [\d.]+ s beside the rendering)?, (\d+) unchanged/.exec(result.output)?.slice(1).map(Number);
  };

  it("draws a card once, keeps it between Netlify deploys, and gives a changed card a new address while the others keep theirs", async () => {
    site = await makeFixtureSite({ ...LEVEL_4, drawsAllCards: true });
    const pages = ["index.html", "articles/tension/index.html", "articles/calm-returns/index.html"];
    expect(await build()).toEqual([4, 0]); // the current level and three analyses
    const first = await Promise.all(pages.map(imageOf));

    // The next deploy starts from a fresh checkout; Netlify's build cache brings the cards back
    // (utils.cache as Netlify's build does it: save copies the folder away, restore copies it back).
    netlifyCache = await mkdtemp(path.join(os.tmpdir(), "defcon-netlify-cache-"));
    const store = (file: string) => path.join(netlifyCache!, file);
    const utils = {
      cache: {
        save: async (file: string) => (await cp(path.join(site!.root, file), store(file), { recursive: true }), true),
        restore: async (file: string) =>
          existsSync(store(file)) ? (await cp(store(file), path.join(site!.root, file), { recursive: true }), true) : false,
      },
    };
    await onPostBuild({ utils });
    await rm(path.join(site.root, ".cache"), { recursive: true });
    await onPreBuild({ utils });
    expect(await build()).toEqual([0, 4]);
    expect(await Promise.all(pages.map(imageOf))).toEqual(first);

    // One title changed: only that analysis's card is drawn, under a new address; the cache keeps this build's cards only.
    await site.write("site/articles/tension.md", analysisFile(validAnalysis({ title: "Tension in the strait, revisited", date: "2021-03-15" })));
    expect(await build()).toEqual([1, 3]);
    const [home, tension, calm] = await Promise.all(pages.map(imageOf));
    expect(home).toBe(first[0]);
    expect(calm).toBe(first[2]);
    expect(tension).not.toBe(first[1]);
    expect(site.exists(cardFile(tension!))).toBe(true);
    expect(site.exists(cardFile(first[1]!))).toBe(false);
    const names = await readdir(path.join(site.root, SHARE_CARD_CACHE));
    expect(names).toHaveLength(4);
    expect(names).not.toContain(path.basename(first[1]!));
  });
});
