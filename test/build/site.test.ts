import { readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANALYSES_PER_LIST_PAGE } from "../../scripts/content/siteIndex.ts";
import * as cheerio from "cheerio";
import { makeFixtureSite, validAnalysis, type AnalysisSpec, type FixtureSite } from "../helpers/fixtureSite.ts";
import { listHtmlFiles } from "../../scripts/gates/runGates.ts";
import { isReaderPage } from "../helpers/readerPages.ts";
import { pageText } from "../../scripts/gates/visibleText.ts";
import { levelLabel } from "../../scripts/level/levelLabel.ts";
import { bundleStylesheet } from "../../scripts/eleventy/stylesheetPlugin.ts";
import { ADMIN_FOLDER, DECAP_DIST, isDecapBundleFile } from "../../scripts/cms/decapBundle.ts";
import type { LevelMeaning, LevelNumber } from "../../scripts/level/types.ts";
import meaningsFile from "../../_data/levelMeanings.json" with { type: "json" };

const DISCLAIMER = JSON.parse(readFileSync("_data/site.json", "utf8")).disclaimer as string;

/** 55 analyses over two years (so the archive has two pages), one draft, two regions. */
function corpus(): Record<string, AnalysisSpec> {
  const analyses: Record<string, AnalysisSpec> = {};
  for (let i = 1; i <= 55; i++) {
    const date = i <= 30 ? `2024-01-${String(Math.ceil(i / 2)).padStart(2, "0")}` : `2025-03-${String(i - 30).padStart(2, "0")}`;
    analyses[`analysis-${String(i).padStart(2, "0")}`] = validAnalysis({
      title: `Analysis number ${i}`,
      date,
      summary: `Summary ${i}.`,
      regions: i % 5 === 0 ? ["Eastern Europe", "Asia-Pacific"] : ["Asia-Pacific"],
      body: `## Section\n\nBody of analysis ${i}, with a few words.`,
    });
  }
  analyses["unfinished-draft"] = validAnalysis({ title: "Secret draft", date: "2025-03-20", draft: true });
  return analyses;
}

describe("a complete fixture site", () => {
  let site: FixtureSite;
  let pages: string[];
  const $ = async (file: string) => cheerio.load(await site.read(file));

  beforeAll(async () => {
    site = await makeFixtureSite({
      analyses: corpus(),
      assessments: [
        { date: "2024-01-01", level: 5, reason: "Calm." },
        { date: "2025-03-10", level: 4, reason: "Tension rises in the sample region.", article: "analysis-40" },
        { date: "2025-04-01", level: 4, reason: "Scheduled update: no change." },
      ],
    });
    const result = await site.build({ DEFCON_BUILD_DATE: "2025-06-01T12:00:00Z" });
    expect(result.output).toContain("✔ Built");
    expect(result.code).toBe(0);
    pages = await listHtmlFiles(site.output);
  });
  afterAll(() => site?.remove());

  it("puts the CMS's bundle in /admin/ as npm has it: linked, not copied, where npm's folder is on the same disk", async () => {
    const dist = path.join(site.root, DECAP_DIST);
    const names = (await readdir(dist)).filter(isDecapBundleFile).sort();
    expect(names).toContain("decap-cms.js");
    expect((await readdir(path.join(site.output, ADMIN_FOLDER))).filter(isDecapBundleFile).sort()).toEqual(names);
    const sameDisk = (await stat(dist)).dev === (await stat(site.output)).dev;
    for (const name of names) {
      const [npm, published] = await Promise.all([stat(path.join(dist, name)), stat(path.join(site.output, ADMIN_FOLDER, name))]);
      if (sameDisk) expect(published.ino, `${name} is a copy`).toBe(npm.ino);
      else expect(published.size, name).toBe(npm.size);
    }
  });

  it("writes every page type", () => {
    for (const page of [
      "index.html",
      "articles/index.html",
      "articles/page/2/index.html",
      "articles/analysis-01/index.html",
      "regions/index.html",
      "regions/asia-pacific/index.html",
      "regions/eastern-europe/index.html",
      "levels/index.html",
      "about/index.html",
      "preparedness/index.html",
      "404.html",
    ]) {
      expect(pages, page).toContain(page);
    }
    expect(site.exists("sitemap.xml")).toBe(true);
    expect(site.exists("robots.txt")).toBe(true);
  });

  it("shows on every page the name, tagline, current level in words, notice, footer and disclaimer", async () => {
    // The widget is a piece of other sites' pages, with no header or navigation; its own test says what it shows.
    for (const file of pages.filter((page) => page !== "embed/widget/index.html" && isReaderPage(page))) {
      const page = await $(file);
      const indicator = page("[data-current-level]");
      expect(indicator.attr("data-current-level"), file).toBe("4");
      expect(indicator.text(), file).toContain("DEFCON 4 Blue");
      expect(indicator.text(), file).toContain("Not an official government alert level.");
      expect(page(".site-brand").text(), file).toContain("Ongoing GeoIntel and Analysis in the theater of nuclear war");
      const footer = page("footer").text().replace(/\s+/g, " ");
      expect(footer, file).toContain(DISCLAIMER);
      expect(footer, file).toContain("Established 1984");
      expect(footer, file).toContain("© 2025");
      expect(page("nav[aria-label=Main] a").length, file).toBeGreaterThanOrEqual(5);
    }
  });

  it("leads the home page with the current level, since when, the latest reason and the latest analyses", async () => {
    const home = await $("index.html");
    const hero = pageText(home.html(".hero"));
    expect(home("h1").text()).toContain("DEFCON 4");
    expect(home("h1").text()).toContain("Blue");
    expect(hero).toContain("At this level since 10 March 2025");
    expect(hero).toContain("Latest assessment issued Tuesday 1 April 2025");
    expect(hero).toContain("Scheduled update: no change.");
    const latest = home(".latest .analysis-card__title").map((_, el) => home(el).text()).get();
    expect(latest[0]).toBe("Analysis number 55");
    expect(latest).toHaveLength(6);
  });

  it("renders an analysis with date, reading time, regions, summary, body and neighbours", async () => {
    const page = await $("articles/analysis-40/index.html");
    expect(page("h1").text()).toBe("Analysis number 40");
    expect(page(".analysis__meta time").attr("datetime")).toBe("2025-03-10");
    expect(page(".analysis__meta").text()).toMatch(/1 min read/);
    expect(page(".analysis__meta a").attr("href")).toBe("/regions/eastern-europe/");
    expect(page(".analysis__summary").text()).toBe("Summary 40.");
    expect(page(".analysis__body h2#section").text()).toBe("Section");
    expect(page("a[rel=prev]").attr("href")).toBe("/articles/analysis-39/");
    expect(page("a[rel=next]").attr("href")).toBe("/articles/analysis-41/");
    expect((await $("articles/analysis-55/index.html"))("a[rel=next]").length).toBe(0);
  });

  it("labels an analysis for the search's level filter exactly as the search labels assessments", async () => {
    const meanings = Object.fromEntries(meaningsFile.levels.map((m) => [m.level, m])) as unknown as Record<LevelNumber, LevelMeaning>;
    const analysis = (await $("articles/analysis-01/index.html"))("article[data-level-at-publication]");
    const level = Number(analysis.attr("data-level-at-publication")) as LevelNumber;
    expect(analysis.attr("data-pagefind-filter")).toBe(`level:${levelLabel(level, meanings)}`);
  });

  it("lists the archive newest first, grouped by year, over pages of 50", async () => {
    const first = await $("articles/index.html");
    const second = await $("articles/page/2/index.html");
    const titles = (page: cheerio.CheerioAPI) => page(".analysis-card__title").map((_, el) => page(el).text()).get();
    // The archive's pagination size is written in its front matter: the same as the regions'.
    expect(titles(first)).toHaveLength(ANALYSES_PER_LIST_PAGE);
    expect(titles(first)[0]).toBe("Analysis number 55");
    expect(titles(second)).toHaveLength(5);
    expect(first(".year-group h2").map((_, el) => first(el).text()).get()).toEqual(["2025", "2024"]);
    expect(first("a[rel=next]").attr("href")).toBe("/articles/page/2/");
    expect(second("h1").text()).toBe("Analyses, page 2");
  });

  it("gives each region its own page of analyses", async () => {
    const europe = await $("regions/eastern-europe/index.html");
    expect(europe(".analysis-card").length).toBe(11);
    expect(europe(".analysis-card__title").first().text()).toBe("Analysis number 55");
    expect(europe("nav.pagination").length).toBe(0);
  });

  it("lists a region over pages of 50, as the archive, so that its page does not grow with the archive", async () => {
    expect(ANALYSES_PER_LIST_PAGE).toBe(50);
    const first = await $("regions/asia-pacific/index.html");
    const second = await $("regions/asia-pacific/page/2/index.html");
    expect(first(".analysis-card").length).toBe(50);
    expect(second(".analysis-card").length).toBe(5);
    // Oldest last; analyses 1 and 2 share a day, and a day's analyses are listed by name.
    expect(second(".analysis-card__title").last().text()).toBe("Analysis number 2");
    expect(first("h1").text()).toBe("Asia-Pacific");
    expect(second("h1").text()).toBe("Asia-Pacific, page 2");
    expect(second("title").text()).toContain("Asia-Pacific, page 2");
    expect(first("a[rel=next]").attr("href")).toBe("/regions/asia-pacific/page/2/");
    expect(second("a[rel=prev]").attr("href")).toBe("/regions/asia-pacific/");
    expect(second('nav.pagination a[aria-current="page"]').text()).toBe("2");
    expect(second("p").text()).toContain("55 analyses, newest first.");
  });

  it("explains all five levels from the one data file, in words", async () => {
    const levels = await $("levels/index.html");
    const headings = levels(".level-scale h2").map((_, el) => levels(el).text().replace(/\s+/g, " ").trim()).get();
    expect(headings.map((h) => h.slice(0, 16))).toEqual(["DEFCON 5 Green C", "DEFCON 4 Blue Wa", "DEFCON 3 Yellow ", "DEFCON 2 Orange ", "DEFCON 1 Red Cri"]);
    expect(levels("#level-4").hasClass("is-current")).toBe(true);
  });

  it("never publishes a draft", async () => {
    expect(site.exists("articles/unfinished-draft/index.html")).toBe(false);
    for (const file of ["index.html", "articles/index.html", "regions/asia-pacific/index.html"]) {
      expect(await site.read(file)).not.toContain("Secret draft");
    }
    expect(await site.read("sitemap.xml")).not.toContain("unfinished-draft");
  });

  it("lists every page in the sitemap with absolute URLs, and points robots.txt at it", async () => {
    const sitemap = await site.read("sitemap.xml");
    expect(sitemap).toContain("<loc>https://www.defconwarningsystem.com/articles/analysis-01/</loc>");
    expect(sitemap).toContain("<loc>https://www.defconwarningsystem.com/articles/page/2/</loc>");
    expect(sitemap).not.toContain("404");
    // The same content gives the same file: addresses in order, dates only where they mean something.
    const entries = [...sitemap.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>/g)].map((m) => ({ loc: m[1]!, lastmod: m[2] }));
    expect(entries.map((e) => e.loc)).toEqual(entries.map((e) => e.loc).sort());
    for (const { loc, lastmod } of entries) {
      if (/\/articles\/analysis-\d+\/$/.test(loc)) expect(lastmod, loc).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      else expect(lastmod, loc).toBeUndefined();
    }
    expect(await site.read("robots.txt")).toContain("Sitemap: https://www.defconwarningsystem.com/sitemap.xml");
  });

  it("links a content-addressed copy of the stylesheet, so it can be cached for a year", async () => {
    const href = (await $("index.html"))("link[rel=stylesheet]").attr("href")!;
    expect(href).toMatch(/^\/assets\/v\/[0-9a-f]{12}\/site\.css$/);
    const published = await site.read(href.slice(1));
    // The level colours from _data/levelMeanings.json, then the stylesheet's parts as written, print last.
    expect(published).toBe(bundleStylesheet(site.root));
    expect(published.endsWith(readFileSync("_includes/css/print.css", "utf8"))).toBe(true);
    expect(published).toMatch(/--level-4: #[0-9a-f]{6}; --level-4-text: #[0-9a-f]{6};/);
    expect(await site.read("assets/css/site.css")).toBe(published);
    for (const file of ["articles/analysis-01/index.html", "404.html"]) {
      expect((await $(file))("link[rel=stylesheet]").attr("href")).toBe(href);
    }
  });

  it("loads every stylesheet, image and script from the site itself (root-relative addresses)", async () => {
    for (const file of pages) {
      const page = await $(file);
      for (const el of page("link[href]:not([rel=canonical]):not([rel=alternate]), img[src], script[src]").toArray()) {
        const url = page(el).attr("href") ?? page(el).attr("src") ?? "";
        expect(url, `${file}: ${url}`).toMatch(/^\//);
      }
    }
  });
});

describe("a site with no analyses yet", () => {
  it("builds every page, with an archive that says so", async () => {
    const site = await makeFixtureSite({ analyses: {} });
    try {
      const result = await site.build();
      expect(result.code, result.output).toBe(0);
      expect(await site.read("articles/index.html")).toContain("No analyses have been published yet.");
      expect(await site.read("index.html")).toContain("No analyses have been published yet.");
    } finally {
      await site.remove();
    }
  });
});
