import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { parseFeed } from "@rowanmanning/feed-parser";
import { makeFixtureSite, validAnalysis, type AnalysisSpec, type FixtureSite } from "../helpers/fixtureSite.ts";
import { ATOM, entriesOf, xmlEntries, type JsonFeedItem } from "../helpers/feedEntries.ts";
import { childrenNamed as all, onlyChild as one, parseStrictXml } from "../helpers/strictXml.ts";
import { listReaderPages } from "../helpers/readerPages.ts";

const SITE_URL = (JSON.parse(readFileSync("_data/site.json", "utf8")) as { url: string }).url.replace(/\/+$/, "");
const BUILD_DATE = "2026-01-15T12:00:00Z";

const XML_FEEDS = ["feeds/analyses.atom.xml", "feeds/analyses.rss.xml", "feeds/levels.atom.xml", "feeds/levels.rss.xml"];
const JSON_FEEDS = ["feeds/analyses.json", "feeds/levels.json"];
const ALL_FEEDS = [...XML_FEEDS, ...JSON_FEEDS];

/** The output file an absolute URL of the site points to; fails when it or its fragment is missing. */
function expectResolves(site: FixtureSite, url: string): void {
  expect(url.startsWith(`${SITE_URL}/`), `${url} is not an absolute URL of the site`).toBe(true);
  const { pathname, hash } = new URL(url);
  const file = pathname.endsWith("/") ? `${pathname}index.html` : pathname;
  expect(site.exists(file.slice(1)), `${url} → ${file} does not exist in the output`).toBe(true);
  if (hash) {
    const html = readFileSync(path.join(site.output, file), "utf8");
    expect(cheerio.load(html)(`[id="${decodeURIComponent(hash.slice(1))}"]`).length, `${url}: no element with that id`).toBe(1);
  }
}

// ---------------------------------------------------------------------------------------------

const SPECIAL_TITLE = `Tom & Jerry <b>not bold</b> "quoted" 'single' — Ωμέγα, 核不扩散, مرحبا 🚀☢️`;
const SPECIAL_SUMMARY = `Fish & chips < 5 > 3; "Ж" 'é' 👍 &amp; stays literal`;
const SPECIAL_BODY = "Body with AT&T, a < b and Ωμέγα 🚀.";

/** 52 fillers from 2020, three analyses that exercise the edges, one draft: 55 published. */
function corpus(): Record<string, AnalysisSpec> {
  const analyses: Record<string, AnalysisSpec> = {};
  for (let i = 1; i <= 52; i++) {
    analyses[`filler-${String(i).padStart(2, "0")}`] = validAnalysis({
      title: `Filler ${i}`,
      date: `2020-${String(Math.ceil(i / 28)).padStart(2, "0")}-${String(((i - 1) % 28) + 1).padStart(2, "0")}`,
    });
  }
  analyses["special-characters"] = validAnalysis({
    title: SPECIAL_TITLE,
    date: "2025-05-18",
    summary: SPECIAL_SUMMARY,
    regions: ["Asia-Pacific", "Eastern Europe"],
    body: `${SPECIAL_BODY}\n\nSee [the levels](/levels/), [a section](#independence) and [the archive](../).\n\n## Independence\n\nText.`,
  });
  analyses["revised"] = validAnalysis({ title: "Revised later", date: "2025-09-08", extra: 'updated: "2025-10-02"' });
  analyses["renamed-analysis"] = validAnalysis({
    title: "Renamed after publication",
    date: "2024-03-01",
    extra: 'feedId: "tag:defconwarningsystem.com,2024-03-01:analysis/original-name"',
  });
  analyses["secret-draft"] = validAnalysis({ title: "DRAFT-MARKER never published", date: "2025-01-01", draft: true });
  return analyses;
}

const ASSESSMENTS = [
  { date: "2020-01-01", level: 5, reason: "Calm & quiet <for now>." },
  { date: "2024-03-01", level: 4, reason: "Tension rises.", article: "renamed-analysis" },
  { date: "2025-05-18T14:30:00Z", level: 3, reason: "Strikes between India & Pakistan." },
  { date: "2025-09-08", level: 5, reason: "The ceasefire holds.", article: "revised" },
  { date: "2025-12-01", level: 5, reason: "Scheduled update: no change." },
];

describe("feeds of a site with 55 published analyses, a draft and five assessments", () => {
  let site: FixtureSite;

  beforeAll(async () => {
    site = await makeFixtureSite({ analyses: corpus(), assessments: ASSESSMENTS });
    const result = await site.build({ DEFCON_BUILD_DATE: BUILD_DATE });
    expect(result.output).toContain("✔ Built");
    expect(result.code).toBe(0);
  });
  afterAll(() => site?.remove());

  it("the strict parser is strict: it rejects the RSS plugin's undeclared content: prefix", () => {
    const pluginStyle = `<rss version="2.0"><channel><item><content:encoded>x</content:encoded></item></channel></rss>`;
    expect(() => parseStrictXml(pluginStyle)).toThrow(/prefix/i);
  });

  it.each(XML_FEEDS)("%s is well-formed, namespace-valid XML that points at the same-origin stylesheet", async (file) => {
    const doc = parseStrictXml(await site.read(file));
    expect(doc.instructions).toContainEqual({ target: "xml-stylesheet", body: 'href="/feeds/feed.xsl" type="text/xsl"' });
    if (file.endsWith(".atom.xml")) expect([doc.root.uri, doc.root.local]).toEqual([ATOM, "feed"]);
    else expect([doc.root.uri, doc.root.local, doc.root.attributes["version"]]).toEqual(["", "rss", "2.0"]);
  });

  it("the stylesheet is published and is itself well-formed XSLT", async () => {
    const xsl = parseStrictXml(await site.read("feeds/feed.xsl"));
    expect([xsl.root.uri, xsl.root.local]).toEqual(["http://www.w3.org/1999/XSL/Transform", "stylesheet"]);
  });

  it.each(XML_FEEDS)("%s reads in a feed-reader parser with the same entries", async (file) => {
    const parsed = parseFeed(await site.read(file));
    const ours = await entriesOf(site, file);
    expect(parsed.meta.type).toBe(file.endsWith(".atom.xml") ? "atom" : "rss");
    expect(parsed.title).toMatch(/^The DEFCON Warning System: (analyses|level assessments)$/);
    expect(parsed.self).toBe(`${SITE_URL}/${file}`);
    expect(parsed.items.map((item) => item.id)).toEqual(ours.map((entry) => entry.id));
    expect(parsed.items.map((item) => item.title)).toEqual(ours.map((entry) => entry.title));
    expect(parsed.items.map((item) => item.url)).toEqual(ours.map((entry) => entry.url));
    for (const item of parsed.items) {
      expect(item.published, `${file} ${item.id}`).toBeInstanceOf(Date);
      expect(item.content, `${file} ${item.id}`).toBeTruthy();
    }
  });

  it("Atom feeds have every required element, RFC 3339 dates, and the newest entry's date as their own", async () => {
    for (const file of ["feeds/analyses.atom.xml", "feeds/levels.atom.xml"]) {
      const { root } = parseStrictXml(await site.read(file));
      expect(one(root, ATOM, "id").text).toMatch(/^tag:defconwarningsystem\.com,/);
      expect(one(root, ATOM, "title").text).not.toBe("");
      expect(one(one(root, ATOM, "author"), ATOM, "name").text).toBe("The DEFCON Warning System");
      expect(all(root, ATOM, "link").find((l) => l.attributes["rel"] === "self")?.attributes["href"]).toBe(`${SITE_URL}/${file}`);
      const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
      const entries = xmlEntries(file, { root, instructions: [] });
      for (const entry of entries) {
        expect(entry.published).toMatch(rfc3339);
        expect(entry.updated).toMatch(rfc3339);
      }
      const newest = Math.max(...entries.map((entry) => Date.parse(entry.updated!)));
      expect(Date.parse(one(root, ATOM, "updated").text)).toBe(newest);
      expect(one(root, ATOM, "updated").text).toMatch(rfc3339);
    }
  });

  it("RSS feeds have every required element and RFC 822 dates", async () => {
    const rfc822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (\+0000|GMT)$/;
    for (const file of ["feeds/analyses.rss.xml", "feeds/levels.rss.xml"]) {
      const channel = one(parseStrictXml(await site.read(file)).root, "", "channel");
      for (const name of ["title", "link", "description", "language", "lastBuildDate"]) expect(one(channel, "", name).text).not.toBe("");
      expect(one(channel, "", "lastBuildDate").text).toMatch(rfc822);
      const entries = await entriesOf(site, file);
      for (const entry of entries) expect(entry.published).toMatch(rfc822);
      // The channel's dates are the newest entry's updated date, the same instant as the Atom feed's.
      const atom = parseStrictXml(await site.read(file.replace(".rss.xml", ".atom.xml"))).root;
      expect(Date.parse(one(channel, "", "lastBuildDate").text)).toBe(Date.parse(one(atom, ATOM, "updated").text));
      expect(Date.parse(one(channel, "", "lastBuildDate").text)).toBeGreaterThanOrEqual(Math.max(...entries.map((entry) => Date.parse(entry.published))));
      for (const item of all(channel, "", "item")) expect(one(item, "", "guid").attributes["isPermaLink"]).toBe("false");
    }
  });

  it("JSON Feeds are JSON Feed 1.1 with the required fields", async () => {
    for (const file of JSON_FEEDS) {
      const feed = JSON.parse(await site.read(file)) as Record<string, unknown> & { items: JsonFeedItem[] };
      expect(feed["version"]).toBe("https://jsonfeed.org/version/1.1");
      expect(feed["feed_url"]).toBe(`${SITE_URL}/${file}`);
      expect(typeof feed["title"]).toBe("string");
      for (const item of feed.items) {
        expect(typeof item.id).toBe("string");
        expect(item.content_html.length).toBeGreaterThan(0);
        expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
    }
  });

  it("the analyses feeds carry the 50 newest published analyses, newest first, and no draft", async () => {
    const expectedSlugs = Object.entries(corpus())
      .filter(([, spec]) => !spec.draft)
      .sort(([slugA, a], [slugB, b]) => b.date!.localeCompare(a.date!) || slugA.localeCompare(slugB))
      .slice(0, 50)
      .map(([slug]) => `${SITE_URL}/articles/${slug}/`);
    for (const file of ALL_FEEDS.filter((f) => f.includes("analyses"))) {
      expect((await entriesOf(site, file)).map((entry) => entry.url), file).toEqual(expectedSlugs);
    }
    for (const file of ALL_FEEDS) expect(await site.read(file), file).not.toContain("DRAFT-MARKER");
    for (const file of ALL_FEEDS) expect(await site.read(file), file).not.toContain("secret-draft");
  });

  it("the level feeds carry one entry per assessment, newest first, in the organisation's formula", async () => {
    for (const file of ALL_FEEDS.filter((f) => f.includes("levels"))) {
      const entries = await entriesOf(site, file);
      expect(entries.map((entry) => entry.title), file).toEqual([
        "DEFCON 5 Green — assessment of 1 December 2025",
        "DEFCON 5 Green — assessment of 8 September 2025",
        "DEFCON 3 Yellow — assessment of 18 May 2025, 14:30 UTC",
        "DEFCON 4 Blue — assessment of 1 March 2024",
        "DEFCON 5 Green — assessment of 1 January 2020",
      ]);
      expect(entries.map((entry) => entry.url)).toEqual([
        `${SITE_URL}/history/#assessment-2025-12-01`,
        `${SITE_URL}/history/#assessment-2025-09-08`,
        `${SITE_URL}/history/#assessment-2025-05-18-1430`,
        `${SITE_URL}/history/#assessment-2024-03-01`,
        `${SITE_URL}/history/#assessment-2020-01-01`,
      ]);
      expect(entries.map((entry) => entry.summary.split(".")[0])).toEqual([
        "Kept at DEFCON 5 Green",
        "Lowered from DEFCON 3 Yellow to DEFCON 5 Green",
        "Raised from DEFCON 4 Blue to DEFCON 3 Yellow",
        "Raised from DEFCON 5 Green to DEFCON 4 Blue",
        "First assessment on record: DEFCON 5 Green",
      ]);
      const withAnalysis = entries[1]!;
      const content = cheerio.load(withAnalysis.contentHtml);
      expect(content("a").map((_, a) => content(a).attr("href")).get()).toContain(`${SITE_URL}/articles/revised/`);
      expect(content.text()).toContain("The ceasefire holds.");
      if (!file.endsWith(".rss.xml")) expect(withAnalysis.related).toBe(`${SITE_URL}/articles/revised/`);
    }
  });

  it("each analysis says the level in force when it was published, and has its regions as categories", async () => {
    for (const file of ALL_FEEDS.filter((f) => f.includes("analyses"))) {
      const bySlug = new Map((await entriesOf(site, file)).map((entry) => [entry.url, entry]));
      const special = bySlug.get(`${SITE_URL}/articles/special-characters/`)!;
      // Published on 18 May 2025; that day's assessment was issued at 14:30, after the day began.
      expect(cheerio.load(special.contentHtml).text()).toContain("DEFCON level when published: DEFCON 4 Blue");
      expect(special.categories).toEqual(["Asia-Pacific", "Eastern Europe"]);
      const revised = bySlug.get(`${SITE_URL}/articles/revised/`)!;
      expect(cheerio.load(revised.contentHtml).text()).toContain("DEFCON level when published: DEFCON 5 Green");
    }
  });

  it("published and updated dates follow the front matter", async () => {
    const [atom, json] = await Promise.all([entriesOf(site, "feeds/analyses.atom.xml"), entriesOf(site, "feeds/analyses.json")]);
    for (const entries of [atom, json]) {
      const revised = entries.find((entry) => entry.url.endsWith("/revised/"))!;
      expect([revised.published, revised.updated]).toEqual(["2025-09-08T00:00:00Z", "2025-10-02T00:00:00Z"]);
    }
    expect(parseFeed(await site.read("feeds/analyses.atom.xml")).updated?.toISOString()).toBe("2025-10-02T00:00:00.000Z");
  });

  it("special characters come out exactly once escaped in XML and as plain text in JSON", async () => {
    for (const file of ALL_FEEDS.filter((f) => f.includes("analyses"))) {
      const special = (await entriesOf(site, file)).find((entry) => entry.url.endsWith("/special-characters/"))!;
      expect(special.title, file).toBe(SPECIAL_TITLE);
      expect(special.summary, file).toBe(SPECIAL_SUMMARY);
      expect(cheerio.load(special.contentHtml).text(), file).toContain(SPECIAL_BODY);
    }
    const atom = await site.read("feeds/analyses.atom.xml");
    expect(atom).toContain("Tom &amp; Jerry &lt;b&gt;not bold&lt;/b&gt;");
    expect(atom).not.toContain("&amp;amp;amp;");
    expect(atom).toContain("Ωμέγα, 核不扩散, مرحبا 🚀☢️");
    const json = await site.read("feeds/analyses.json");
    expect(json).toContain(JSON.stringify(SPECIAL_TITLE));
    expect(json).not.toContain("&lt;b&gt;");
    const readerTitle = parseFeed(await site.read("feeds/analyses.rss.xml")).items.find((item) => item.url?.endsWith("/special-characters/"))?.title;
    expect(readerTitle).toBe(SPECIAL_TITLE);
  });

  it("ids are unique in every feed and follow the documented scheme", async () => {
    for (const file of ALL_FEEDS) {
      const ids = (await entriesOf(site, file)).map((entry) => entry.id);
      expect(new Set(ids).size, file).toBe(ids.length);
    }
    const ids = (await entriesOf(site, "feeds/analyses.atom.xml")).map((entry) => entry.id);
    expect(ids).toContain("tag:defconwarningsystem.com,2025-05-18:analysis/special-characters");
    expect(ids).toContain("tag:defconwarningsystem.com,2024-03-01:analysis/original-name");
    expect((await entriesOf(site, "feeds/levels.rss.xml")).map((entry) => entry.id)).toContain(
      "tag:defconwarningsystem.com,2025-05-18:level/assessment-2025-05-18-1430",
    );
  });

  it("every link in every feed, and every URL inside entry content, resolves to a page in the output", async () => {
    for (const file of ALL_FEEDS) {
      for (const entry of await entriesOf(site, file)) {
        expectResolves(site, entry.url);
        if (entry.related) expectResolves(site, entry.related);
        const content = cheerio.load(entry.contentHtml);
        for (const href of content("[href], [src]").map((_, el) => content(el).attr("href") ?? content(el).attr("src")).get()) {
          expectResolves(site, href);
        }
      }
    }
    const special = (await entriesOf(site, "feeds/analyses.atom.xml")).find((entry) => entry.url.endsWith("/special-characters/"))!;
    const hrefs = cheerio.load(special.contentHtml)("a").map((_, a) => a.attribs["href"]).get();
    expect(hrefs).toEqual([`${SITE_URL}/levels/`, `${SITE_URL}/articles/special-characters/#independence`, `${SITE_URL}/articles/`]);
  });

  it("every page advertises every feed, each under its own title, at an address that exists", async () => {
    const pages = await listReaderPages(site.output);
    expect(pages.length).toBeGreaterThan(60);
    const expected = [
      ["Analyses (Atom)", "application/atom+xml", "/feeds/analyses.atom.xml"],
      ["Analyses (RSS)", "application/rss+xml", "/feeds/analyses.rss.xml"],
      ["Analyses (JSON Feed)", "application/feed+json", "/feeds/analyses.json"],
      ["Level assessments (Atom)", "application/atom+xml", "/feeds/levels.atom.xml"],
      ["Level assessments (RSS)", "application/rss+xml", "/feeds/levels.rss.xml"],
      ["Level assessments (JSON Feed)", "application/feed+json", "/feeds/levels.json"],
    ];
    for (const page of pages) {
      const $ = cheerio.load(await site.read(page));
      const links = $('head link[rel="alternate"]')
        .map((_, link) => [[$(link).attr("title"), $(link).attr("type"), $(link).attr("href")]])
        .get();
      expect(links, page).toEqual(expected);
    }
    for (const [, , href] of expected) expect(site.exists(href!.slice(1)), href).toBe(true);
  });

  it("the /feeds/ page lists every feed's full address to copy, and the calendar's, and the main navigation links to it", async () => {
    const $ = cheerio.load(await site.read("feeds/index.html"));
    const urls = $(".feeds-list__url").map((_, el) => $(el).text()).get();
    expect(urls).toEqual([
      `${SITE_URL}/feeds/analyses.atom.xml`,
      `${SITE_URL}/feeds/analyses.rss.xml`,
      `${SITE_URL}/feeds/analyses.json`,
      `${SITE_URL}/feeds/levels.atom.xml`,
      `${SITE_URL}/feeds/levels.rss.xml`,
      `${SITE_URL}/feeds/levels.json`,
      `${SITE_URL}/assessments.ics`,
    ]);
    const home = cheerio.load(await site.read("index.html"));
    expect(home('a[href="/feeds/"]').length).toBeGreaterThan(0);
  });
});

describe("feed ids across an edit", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await makeFixtureSite({
      analyses: {
        "first-name": validAnalysis({ title: "Original title", date: "2024-02-01" }),
        other: validAnalysis({ title: "Other", date: "2024-03-01" }),
      },
      assessments: [{ date: "2024-01-01", level: 5, reason: "Calm." }],
    });
  });
  afterAll(() => site?.remove());

  /** The analysis first published as first-name.md, renamed to better-name.md, keeping its feed id. */
  const renamedWithFeedId = [
    "---",
    'title: "Original title, renamed"',
    'date: "2024-02-01"',
    'summary: "One sentence that sums it up."',
    'feedId: "tag:defconwarningsystem.com,2024-02-01:analysis/first-name"',
    "---",
    "",
    "Text.",
  ].join("\n");

  const idsOf = async () => Object.fromEntries(await Promise.all(ALL_FEEDS.map(async (file) => [file, (await entriesOf(site, file)).map((e) => e.id)])));

  it("stay the same when a title is edited and when a published file is renamed with feedId", async () => {
    expect((await site.build({ DEFCON_BUILD_DATE: BUILD_DATE })).code).toBe(0);
    const before = await idsOf();
    const titlesBefore = (await entriesOf(site, "feeds/analyses.atom.xml")).map((e) => e.title);

    await site.write("site/articles/other.md", readFileSync(path.join(site.root, "site/articles/other.md"), "utf8").replace("Other", "Other, with a corrected title"));
    await rm(path.join(site.root, "site/articles/first-name.md"));
    await site.write("site/articles/better-name.md", renamedWithFeedId);
    const rebuilt = await site.build({ DEFCON_BUILD_DATE: BUILD_DATE });
    expect(rebuilt.code, rebuilt.output).toBe(0);

    expect(await idsOf()).toEqual(before);
    const titlesAfter = (await entriesOf(site, "feeds/analyses.atom.xml")).map((e) => e.title);
    expect(titlesAfter).not.toEqual(titlesBefore);
    expect((await entriesOf(site, "feeds/analyses.atom.xml")).map((e) => e.url)).toContain(`${SITE_URL}/articles/better-name/`);
  });

  it("a feedId that repeats another analysis's id stops the build, naming the file and the field", async () => {
    // Independent of the test above: the renamed file claims first-name's id, and a new first-name.md appears.
    await site.write("site/articles/better-name.md", renamedWithFeedId);
    await site.write(
      "site/articles/first-name.md",
      ["---", 'title: "A new analysis reusing the old name"', 'date: "2024-02-01"', 'summary: "Clash."', "---", "", "Text."].join("\n"),
    );
    const result = await site.build({ DEFCON_BUILD_DATE: BUILD_DATE });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'site/articles/first-name.md › field "feedId": feed id "tag:defconwarningsystem.com,2024-02-01:analysis/first-name" ' +
        "is already the id of site/articles/better-name.md; give each analysis its own id (docs/feeds.md)",
    );
    // Said once, in words, with no crash dump.
    expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});

describe("feeds of a site with no analyses", () => {
  let site: FixtureSite;
  const read = (file: string) => site.read(file);
  beforeAll(async () => {
    site = await makeFixtureSite({ analyses: {}, assessments: [{ date: "2024-01-01", level: 5, reason: "Calm." }] });
    const result = await site.build({ DEFCON_BUILD_DATE: BUILD_DATE });
    expect(result.code, result.output).toBe(0);
  });
  afterAll(() => site?.remove());

  it("still publishes valid, empty analyses feeds in every format", async () => {
    for (const file of ["feeds/analyses.atom.xml", "feeds/analyses.rss.xml"]) {
      const xml = await read(file);
      const doc = parseStrictXml(xml);
      expect(xmlEntries(file, doc)).toEqual([]);
      expect(parseFeed(xml).items).toEqual([]);
      expect(parseFeed(xml).title).toBe("The DEFCON Warning System: analyses");
    }
    const atom = parseStrictXml(await read("feeds/analyses.atom.xml")).root;
    expect(one(atom, ATOM, "updated").text).toBe("2026-01-15T12:00:00Z");
    expect(JSON.parse(await read("feeds/analyses.json")).items).toEqual([]);
    expect(xmlEntries("feeds/levels.atom.xml", parseStrictXml(await read("feeds/levels.atom.xml")))).toHaveLength(1);
  });
});
