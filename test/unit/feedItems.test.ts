import { describe, expect, it } from "vitest";
import type { AnalysisRecord } from "../../scripts/content/validateAnalysis.ts";
import { buildLevelModel } from "../../scripts/level/levelModel.ts";
import type { LevelMeaning, LevelNumber } from "../../scripts/level/types.ts";
import { absoluteContentBySlug } from "../../scripts/feeds/absoluteContent.ts";
import { buildAnalysisFeed, dayStart, feedAnalyses } from "../../scripts/feeds/analysisFeed.ts";
import { buildAssessmentFeed } from "../../scripts/feeds/assessmentFeed.ts";
import { assessmentTitle, changeSentence } from "../../scripts/feeds/assessmentTitle.ts";
import { escapeHtml } from "../../scripts/text/escapeHtml.ts";
import { feedCatalogue } from "../../scripts/feeds/feedCatalogue.ts";
import { toJsonFeed } from "../../scripts/feeds/jsonFeed.ts";
import { newestUpdate } from "../../scripts/feeds/newestUpdate.ts";
import { xmlSafeText } from "../../scripts/feeds/xmlSafeText.ts";

const colours = { 5: "Green", 4: "Blue", 3: "Yellow", 2: "Orange", 1: "Red" } as const;
const meanings = Object.fromEntries(
  ([1, 2, 3, 4, 5] as LevelNumber[]).map((level) => [level, { level, colour: colours[level], name: "n", meaning: "m", advice: "a", swatch: { light: { fill: "#000000", text: "#ffffff" }, dark: { fill: "#000000", text: "#ffffff" } }, cadence: { everyDays: 21 } } satisfies LevelMeaning]),
) as Record<LevelNumber, LevelMeaning>;

const level = buildLevelModel(
  [
    { date: "2020-01-01", level: 5, reason: "Calm." },
    { date: "2024-03-01", level: 4, reason: "Tension <rises> & spreads.", article: "b" },
    { date: "2024-03-01T18:00:00Z", level: 3, reason: "Worse by evening." },
    { date: "2024-05-01", level: 3, reason: "Unchanged." },
  ],
  meanings,
);

const SITE = "https://example.org";
const NOW = new Date("2026-01-01T00:00:00Z");

function analysis(slug: string, date: string, extra: Partial<AnalysisRecord> = {}): AnalysisRecord {
  return { slug, file: `site/articles/${slug}.md`, title: `Title ${slug}`, date, summary: `Summary ${slug}`, regions: ["Asia-Pacific"], draft: false, words: 100, ...extra };
}

describe("buildAnalysisFeed", () => {
  const analyses = [analysis("c", "2024-04-01", { updated: "2024-06-01" }), analysis("b", "2024-03-01"), analysis("d", "2024-05-01", { draft: true }), analysis("a", "2019-06-01")];
  const feed = buildAnalysisFeed({ analyses, contentBySlug: new Map([["b", "<p>Body b</p>"]]), level, siteUrl: SITE, now: NOW });

  it("leaves drafts out and lists the rest newest first", () => {
    expect(feed.items.map((item) => item.url)).toEqual([`${SITE}/articles/c/`, `${SITE}/articles/b/`, `${SITE}/articles/a/`]);
  });

  it("dates entries by their UTC publication day and their updated day", () => {
    const c = feed.items[0]!;
    expect([c.published.toISOString(), c.updated.toISOString()]).toEqual(["2024-04-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z"]);
    expect(feed.updated.toISOString()).toBe("2024-06-01T00:00:00.000Z");
  });

  it("gives the level in force at the start of the publication day, and none before the first assessment", () => {
    expect(feed.items.map((item) => item.level?.label)).toEqual(["DEFCON 3 Yellow", "DEFCON 4 Blue", undefined]);
    expect(feed.items[1]!.contentHtml).toBe("<p><strong>DEFCON level when published: DEFCON 4 Blue</strong></p>\n<p>Body b</p>");
    expect(feed.items[2]!.contentHtml).toBe("");
  });

  it("takes regions as categories and keeps at most `limit` entries", () => {
    expect(feed.items[0]!.categories).toEqual(["Asia-Pacific"]);
    const many = Array.from({ length: 60 }, (_, i) => analysis(`n${i}`, `2023-01-${String((i % 28) + 1).padStart(2, "0")}`));
    expect(buildAnalysisFeed({ analyses: many, contentBySlug: new Map(), level, siteUrl: SITE, now: NOW }).items).toHaveLength(50);
    expect(feedAnalyses(many, 7)).toHaveLength(7);
  });

  it("is empty, dated by the build, when there is nothing to publish", () => {
    const empty = buildAnalysisFeed({ analyses: [analysis("d", "2024-05-01", { draft: true })], contentBySlug: new Map(), level, siteUrl: SITE, now: NOW });
    expect(empty.items).toEqual([]);
    expect(empty.updated).toEqual(NOW);
  });

  it("refuses two analyses with one id, even when only one is recent enough to be in the feed", () => {
    const clash = [analysis("new", "2025-01-01"), analysis("old", "2010-01-01", { feedId: "tag:defconwarningsystem.com,2025-01-01:analysis/new" })];
    expect(() => feedAnalyses(clash, 1)).toThrow(/site\/articles\/old\.md: feed id .* already the id of site\/articles\/new\.md/);
  });

  it("drops characters XML cannot carry from every text", () => {
    const dirty = buildAnalysisFeed({
      analyses: [analysis("x", "2024-01-01", { title: "Bell\u0007 & tab\t", summary: "Null\u0000 ok 🚀" })],
      contentBySlug: new Map([["x", "<p>\u001Fa</p>"]]),
      level,
      siteUrl: SITE,
      now: NOW,
    });
    expect([dirty.items[0]!.title, dirty.items[0]!.summary]).toEqual(["Bell & tab\t", "Null ok 🚀"]);
    expect(dirty.items[0]!.contentHtml).toContain("<p>a</p>");
  });
});

describe("buildAssessmentFeed", () => {
  const feed = buildAssessmentFeed({ level, analyses: [analysis("b", "2024-03-01", { title: "Why we raised it" })], siteUrl: SITE, now: NOW });

  it("has one entry per assessment, newest first, titled by the formula", () => {
    expect(feed.items.map((item) => item.title)).toEqual([
      "DEFCON 3 Yellow — assessment of 1 May 2024",
      "DEFCON 3 Yellow — assessment of 1 March 2024, 18:00 UTC",
      "DEFCON 4 Blue — assessment of 1 March 2024",
      "DEFCON 5 Green — assessment of 1 January 2020",
    ]);
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(4);
    expect(feed.updated.toISOString()).toBe("2024-05-01T00:00:00.000Z");
  });

  it("says what changed, why, and links to the history and to the analysis", () => {
    const raised = feed.items[2]!;
    expect(raised.url).toBe(`${SITE}/history/#assessment-2024-03-01`);
    expect(raised.summary).toBe("Raised from DEFCON 5 Green to DEFCON 4 Blue. Tension <rises> & spreads.");
    expect(raised.categories).toEqual(["Raised", "DEFCON 4 Blue"]);
    expect(raised.relatedUrl).toBe(`${SITE}/articles/b/`);
    expect(raised.contentHtml).toContain("<p>Tension &lt;rises&gt; &amp; spreads.</p>");
    expect(raised.contentHtml).toContain(`<a href="${SITE}/articles/b/">Why we raised it</a>`);
    expect(raised.contentHtml).toContain(`<a href="${SITE}/history/#assessment-2024-03-01">`);
    expect(feed.items[3]!.relatedUrl).toBeUndefined();
  });
});

describe("changeSentence and assessmentTitle", () => {
  it("covers first, raised, kept and lowered", () => {
    const model = buildLevelModel(
      [{ date: "2020-01-01", level: 4, reason: "r" }, { date: "2020-02-01", level: 2, reason: "r" }, { date: "2020-03-01", level: 2, reason: "r" }, { date: "2020-04-01", level: 5, reason: "r" }],
      meanings,
    );
    expect(model.history.map((a) => changeSentence(a))).toEqual([
      "First assessment on record: DEFCON 4 Blue.",
      "Raised from DEFCON 4 Blue to DEFCON 2 Orange.",
      "Kept at DEFCON 2 Orange.",
      "Lowered from DEFCON 2 Orange to DEFCON 5 Green.",
    ]);
    expect(assessmentTitle(model.history[0]!)).toBe("DEFCON 4 Blue — assessment of 1 January 2020");
  });
});

describe("toJsonFeed", () => {
  it("writes JSON Feed 1.1 with plain-text fields, RFC 3339 dates and the level as an extension", () => {
    const feed = buildAssessmentFeed({ level, analyses: [analysis("b", "2024-03-01")], siteUrl: SITE, now: NOW });
    const json = toJsonFeed(feed, { feedUrl: `${SITE}/feeds/levels.json`, hub: "https://hub.example/", language: "en", authorName: "Org", authorUrl: `${SITE}/` }) as {
      version: string;
      items: Record<string, unknown>[];
    };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    const raised = json.items[2]!;
    expect(raised["summary"]).toBe("Raised from DEFCON 5 Green to DEFCON 4 Blue. Tension <rises> & spreads.");
    expect(raised["date_published"]).toBe("2024-03-01T00:00:00Z");
    expect(raised["_defcon"]).toEqual({ level: 4, colour: "Blue", label: "DEFCON 4 Blue", change: "raised", analysis_url: `${SITE}/articles/b/` });
  });
});

describe("absoluteContentBySlug", () => {
  it("makes root-relative, relative and fragment URLs absolute against each page", async () => {
    const html = '<p><a href="/levels/">l</a> <a href="#s">s</a> <a href="../">up</a> <a href="https://other.example/">o</a><img src="/a.png" alt=""></p>';
    const result = await absoluteContentBySlug([{ slug: "x", url: `${SITE}/articles/x/`, html }]);
    expect(result.get("x")).toBe(
      `<p><a href="${SITE}/levels/">l</a> <a href="${SITE}/articles/x/#s">s</a> <a href="${SITE}/articles/">up</a> <a href="https://other.example/">o</a><img src="${SITE}/a.png" alt="" /></p>`,
    );
  });
});

describe("small helpers", () => {
  it("newestUpdate takes the latest entry, or the fallback", () => {
    expect(newestUpdate([{ updated: new Date(1) }, { updated: new Date(3) }, { updated: new Date(2) }], NOW)).toEqual(new Date(3));
    expect(newestUpdate([], NOW)).toBe(NOW);
  });

  it("xmlSafeText keeps every character XML allows, including astral ones", () => {
    expect(xmlSafeText("a\u0000b\u000Bc\uFFFEd\t\n\r 核 🚀")).toBe("abcd\t\n\r 核 🚀");
    expect(xmlSafeText("lone \uD800 surrogate")).toBe("lone  surrogate");
  });

  it("escapeHtml escapes the five special characters once", () => {
    expect(escapeHtml(`<a href="x">'&amp;'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;amp;&#39;&lt;/a&gt;");
  });

  it("dayStart is midnight UTC", () => {
    expect(dayStart("2024-06-10").toISOString()).toBe("2024-06-10T00:00:00.000Z");
  });

  it("the catalogue has six feeds with distinct titles and paths", () => {
    const feeds = feedCatalogue();
    expect(feeds).toHaveLength(6);
    expect(new Set(feeds.map((f) => f.title)).size).toBe(6);
    expect(new Set(feeds.map((f) => f.url)).size).toBe(6);
    expect(feeds[0]).toEqual({ topic: "analyses", format: "atom", title: "Analyses (Atom)", url: "/feeds/analyses.atom.xml", type: "application/atom+xml" });
  });
});
