import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { SaxesParser } from "saxes";
import { parse as parseCsv } from "csv-parse/sync";
import ICAL from "ical.js";
import { PROJECT_ROOT } from "../helpers/fixtureSite.ts";
import { builtFixtureSite } from "../helpers/sharedFixtureSite.ts";
import { headerRules, headersForPath } from "../../scripts/preview/netlifyHeaders.ts";
import { BUILD_DATE, LEVEL_2, LEVEL_2_LATEST_ID, LEVEL_4, LEVEL_4_FACTS as FACTS } from "./historyFixtures.ts";

const schema = (name: string) => JSON.parse(readFileSync(path.join(PROJECT_ROOT, "docs/api", name), "utf8")) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validateLevel = ajv.compile(schema("level.schema.json"));
const validateLevels = ajv.compile(schema("levels.schema.json"));
const SITE = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "_data/site.json"), "utf8")) as { disclaimer: string };

/** The badge as an XML document: its title and the texts it draws. */
function readSvg(svg: string): { title: string; texts: string[]; fills: string[] } {
  const parser = new SaxesParser();
  const out = { title: "", texts: [] as string[], fills: [] as string[] };
  const stack: string[] = [];
  parser.on("opentag", (tag) => {
    stack.push(tag.name);
    if (typeof tag.attributes["fill"] === "string") out.fills.push(tag.attributes["fill"]);
  });
  parser.on("closetag", () => stack.pop());
  parser.on("text", (t) => {
    if (stack.at(-1) === "title") out.title += t;
    if (stack.at(-1) === "text") out.texts.push(t);
  });
  parser.write(svg).close();
  return out;
}

describe("the machine-readable level at DEFCON 4", () => {
  const site = builtFixtureSite(LEVEL_4, { DEFCON_BUILD_DATE: BUILD_DATE });

  it("writes /code.dat as the single digit of the current level, one byte, nothing else", async () => {
    expect(await site.read("code.dat")).toBe("4");
  });

  it("publishes /assessments.ics: every assessment and the next scheduled one, valid iCalendar with stable UIDs", async () => {
    const text = await site.read("assessments.ics");
    // RFC 5545: CRLF line ends, and a strict parser reads it.
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    const api = JSON.parse(await site.read("api/levels.json"));
    expect(events).toHaveLength(api.assessments.length + 1);

    const [next, ...past] = events;
    expect(next!.uid).toBe("next-scheduled-assessment@www.defconwarningsystem.com");
    expect(next!.startDate.toString()).toBe("2025-02-10");
    expect(next!.startDate.isDate).toBe(true);
    expect(next!.summary).toContain("(overdue)");
    expect(next!.description).toContain("Not an official government alert level.");

    expect(past.map((event) => event.uid)).toEqual(FACTS.ids.map((id) => `${id}@www.defconwarningsystem.com`));
    const timed = past.find((event) => event.uid.startsWith("assessment-2023-02-10-0930"))!;
    expect(timed.startDate.isDate).toBe(false);
    expect(timed.startDate.toJSDate().toISOString()).toBe("2023-02-10T09:30:00.000Z");
    const raised = past.find((event) => event.uid.startsWith("assessment-2025-01-20@"))!;
    expect(raised.startDate.toString()).toBe("2025-01-20");
    expect(raised.summary).toBe("DEFCON 4 Blue: Raised from DEFCON 5 Green (The DEFCON Warning System)");
    expect(raised.description).toContain("New tension.");
    expect(raised.description).toContain("Not an official government alert level.");
    // The same history gives the same file: DTSTAMP is the latest assessment's time, not the build's.
    expect(calendar.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("dtstamp")?.toString())).toEqual(
      Array(events.length).fill("2025-01-20T00:00:00Z"),
    );
    const feedsPage = cheerio.load(await site.read("feeds/index.html"));
    expect(feedsPage('a[href="/assessments.ics"]').length).toBe(1);
  });

  it("explains on /embed/ how to put the level on another site: both badges and the widget, previewed and to copy, and the data", async () => {
    const embed = cheerio.load(await site.read("embed/index.html"));
    expect(embed('img[src="/badge.svg"]').length).toBe(1);
    expect(embed('img[src="/badge-dark.svg"]').length).toBe(1);
    const snippets = embed("pre.embed-snippet code").map((_, el) => embed(el).text()).get();
    expect(snippets).toHaveLength(3);
    for (const [snippet, badgeFile] of [[snippets[0]!, "badge.svg"], [snippets[1]!, "badge-dark.svg"]] as const) {
      // What a reader copies is working HTML with absolute addresses and the notice in its alt text.
      const copied = cheerio.load(snippet);
      expect(copied("a").attr("href")).toMatch(/^https:\/\/[^/]+\/$/);
      expect(copied("a img").attr("src")).toBe(`${copied("a").attr("href")}${badgeFile}`);
      expect(copied("a img").attr("alt")).toContain("not an official government alert level");
    }
    // The widget's snippet: its absolute address, a title naming the organisation, a size, loaded when in view.
    const frame = cheerio.load(snippets[2]!)("iframe");
    expect(frame.attr("src")).toMatch(/^https:\/\/[^/]+\/embed\/widget\/$/);
    expect(frame.attr("title")).toContain("The DEFCON Warning System");
    expect(frame.attr("title")).toContain("not an official government alert level");
    expect([Number(frame.attr("width")), Number(frame.attr("height"))]).toEqual([320, 140]);
    expect(frame.attr("loading")).toBe("lazy");
    // …and the widget itself, previewed.
    expect(embed('iframe[src="/embed/widget/"][title]').length).toBe(1);
    const text = embed("main").text().replace(/\s+/g, " ");
    expect(text).toContain("Not an official government alert level.");
    expect(text).toContain("no more often than every 10 minutes");
    for (const endpoint of ["/code.dat", "/api/level.json", "/api/levels.csv", "/assessments.ics"]) expect(text).toContain(endpoint);
    expect(cheerio.load(await site.read("feeds/index.html"))('a[href="/embed/"]').length).toBe(1);
  });

  it("frames the level on /embed/widget/: in words and colour, its date, the notice and a link home in a new tab, with no script", async () => {
    const widget = cheerio.load(await site.read("embed/widget/index.html"));
    expect(widget("h1").text()).toBe("DEFCON 4 Blue");
    expect(widget("main").hasClass("level-4")).toBe(true);
    expect(widget("main time").attr("datetime")).toBe("2025-01-20T00:00:00.000Z");
    expect(widget("main time").text()).toBe("20 January 2025");
    expect(widget("main").text()).toContain("Not an official government alert level.");
    const home = widget("main a");
    expect(home.attr("href")).toBe("/");
    expect(home.text()).toContain("The DEFCON Warning System");
    // A framed page may not be allowed to navigate the page around it.
    expect(home.attr("target")).toBe("_blank");
    expect(home.attr("rel")).toBe("noopener");
    expect(widget("footer").text().replace(/\s+/g, " ")).toContain(SITE.disclaimer);
    expect(widget("script").length).toBe(0);
    // A piece of other sites' pages, not a page to find: out of search engines, the sitemap and the site's search.
    expect(widget('meta[name="robots"]').attr("content")).toBe("noindex");
    expect(widget("[data-pagefind-body]").length).toBe(0);
    expect(await site.read("sitemap.xml")).not.toContain("/embed/widget/");
  });

  it("says on the home page when the next scheduled assessment was due, and that it is overdue", async () => {
    const home = cheerio.load(await site.read("index.html"));
    const next = home("[data-next-assessment][data-overdue]");
    expect(next.attr("data-next-assessment")).toBe("2025-02-10");
    expect(next.attr("data-overdue")).toBe("true");
    expect(next.text().replace(/\s+/g, " ")).toContain("Overdue since 10 February 2025");
  });

  it("offers every assessment as CSV for spreadsheets, row for row what /api/levels.json says, linked from /history/", async () => {
    const csv = await site.read("api/levels.csv");
    // RFC 4180: every record ends in CRLF, and a strict parser reads it.
    expect(csv.split("\r\n").at(-1)).toBe("");
    expect(csv.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv, { bom: false, relax_quotes: false, relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(["issued", "level", "colour", "change", "reason", "analysis_url"]);
    const api = JSON.parse(await site.read("api/levels.json"));
    expect(rows.slice(1)).toEqual(
      api.assessments.map((a: { date: string; level: number; colour: string; change: string; reason: string; analysis: { url: string } | null }) => [
        a.date,
        String(a.level),
        a.colour,
        a.change,
        a.reason,
        a.analysis?.url ?? "",
      ]),
    );
    expect(rows.slice(1).map((row) => row[0])).toEqual(["2025-01-20", "2024-05-01", "2023-02-10T09:30:00Z", "2022-06-01", "2022-06-01", "2021-03-15", "2020-01-01"]);
    expect(rows[2]![5]).toMatch(/^https:\/\/.+\/articles\/calm-returns\/$/);
    const history = cheerio.load(await site.read("history/index.html"));
    expect(history('a[href="/api/levels.csv"]').text()).toContain("CSV");
  });

  it("describes the current level in /api/level.json, valid against its documented schema", async () => {
    const doc = JSON.parse(await site.read("api/level.json"));
    expect(validateLevel(doc), JSON.stringify(validateLevel.errors)).toBe(true);
    expect(doc).toMatchObject({
      level: 4,
      colour: "Blue",
      id: "assessment-2025-01-20",
      date: "2025-01-20",
      issued: "2025-01-20T00:00:00.000Z",
      since: "2025-01-20T00:00:00.000Z",
      change: "raised",
      previousLevel: 5,
      reason: "New tension.",
      analysis: null,
      pollIntervalSeconds: 600,
      // Blue's cadence is three weeks: due 2025-02-10, long past at the build date (2025-06-30).
      nextAssessmentDue: "2025-02-10",
      overdue: true,
    });
    expect(doc.historyUrl).toMatch(/^https:\/\/.+\/history\/$/);
    expect(doc.url).toBe(`${doc.historyUrl}#assessment-2025-01-20`);
    const meanings = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "_data/levelMeanings.json"), "utf8")).levels as { level: number; meaning: string }[];
    expect(doc.meaning).toBe(meanings.find((m) => m.level === 4)!.meaning);
  });

  it("lists the whole history in /api/levels.json, newest first, agreeing with the history page", async () => {
    const doc = JSON.parse(await site.read("api/levels.json"));
    expect(validateLevels(doc), JSON.stringify(validateLevels.errors)).toBe(true);
    expect(doc.current).toBe(4);
    expect(doc.assessments.map((a: { id: string }) => a.id)).toEqual(FACTS.ids);
    expect(doc.assessments.map((a: { level: number }) => a.level)).toEqual(FACTS.levels);
    expect(doc.assessments.map((a: { change: string }) => a.change)).toEqual(FACTS.changes);
    const cited = doc.assessments.find((a: { id: string }) => a.id === "assessment-2021-03-15");
    expect(cited.analysis).toEqual({ title: "Tension in the strait", url: expect.stringMatching(/\/articles\/tension\/$/) });

    const $ = cheerio.load(await site.read("history/index.html"));
    const rows = $("table.assessment-table tbody tr");
    expect(rows.map((_, r) => $(r).attr("id")).get()).toEqual(doc.assessments.map((a: { id: string }) => a.id));
    expect(rows.map((_, r) => $(r).attr("data-issued")).get()).toEqual(doc.assessments.map((a: { issued: string }) => a.issued));
  });

  it('draws /badge.svg as well-formed SVG saying "DEFCON 4 · BLUE", with an accessible title', async () => {
    const svg = await site.read("badge.svg");
    expect(svg.trimStart().startsWith("<svg")).toBe(true);
    const badge = readSvg(svg);
    expect(badge.title).toBe("DEFCON 4 · BLUE");
    expect(badge.texts).toEqual(["DEFCON 4", "BLUE"]);
    expect(badge.fills).toContain("#1b4f93");
    expect(svg).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="badge-title"/);
  });

  it("draws /badge-dark.svg, the same badge in the level's dark-theme colours from the one data file", async () => {
    const meanings = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "_data/levelMeanings.json"), "utf8")) as {
      levels: { level: number; swatch: Record<"light" | "dark", { fill: string; text: string }> }[];
    };
    const blue = meanings.levels.find((m) => m.level === 4)!.swatch;
    const dark = readSvg(await site.read("badge-dark.svg"));
    const light = readSvg(await site.read("badge.svg"));
    expect(dark.title).toBe(light.title);
    expect(dark.texts).toEqual(light.texts);
    expect(dark.fills).toContain(blue.dark.fill);
    expect(dark.fills).toContain(blue.dark.text);
    expect(dark.fills).not.toContain(blue.light.fill);
    expect(light.fills).toContain(blue.light.fill);
  });
});

describe("the machine-readable level at DEFCON 2", () => {
  const site = builtFixtureSite(LEVEL_2, { DEFCON_BUILD_DATE: BUILD_DATE });

  it("follows the latest assessment in code.dat, both JSON files, the badge and the widget", async () => {
    expect(await site.read("code.dat")).toBe("2");
    const level = JSON.parse(await site.read("api/level.json"));
    expect(validateLevel(level), JSON.stringify(validateLevel.errors)).toBe(true);
    expect(level).toMatchObject({ level: 2, colour: "Orange", id: LEVEL_2_LATEST_ID, date: "2025-06-01T12:00:00Z", issued: "2025-06-01T12:00:00.000Z" });
    const levels = JSON.parse(await site.read("api/levels.json"));
    expect(levels.current).toBe(2);
    expect(levels.assessments[0].id).toBe(LEVEL_2_LATEST_ID);
    const badge = readSvg(await site.read("badge.svg"));
    expect(badge.title).toBe("DEFCON 2 · ORANGE");
    expect(badge.fills).toContain("#ee8a2a");
    const widget = cheerio.load(await site.read("embed/widget/index.html"));
    expect(widget("h1").text()).toBe("DEFCON 2 Orange");
    expect(widget("main").hasClass("level-2")).toBe(true);
    expect(widget("main time").attr("datetime")).toBe("2025-06-01T12:00:00.000Z");
  });
});

const rules = await headerRules(readFileSync(path.join(PROJECT_ROOT, "netlify.toml"), "utf8"));

describe("caching of the machine-readable level (netlify.toml)", () => {

  for (const file of ["/code.dat", "/api/level.json", "/api/levels.json", "/badge.svg"]) {
    it(`lets ${file} be cached for at most a minute, then revalidated`, () => {
      const cache = headersForPath(rules, file)["Cache-Control"]!;
      const maxAge = Number(/max-age=(\d+)/.exec(cache)?.[1]);
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(60);
      expect(cache).toContain("must-revalidate");
      expect(cache).not.toContain("immutable");
    });
  }

  it("serves code.dat as plain text and lets other sites' widgets read code.dat and the API", () => {
    expect(headersForPath(rules, "/code.dat")["Content-Type"]).toBe("text/plain; charset=utf-8");
    expect(headersForPath(rules, "/code.dat")["Access-Control-Allow-Origin"]).toBe("*");
    expect(headersForPath(rules, "/api/level.json")["Access-Control-Allow-Origin"]).toBe("*");
  });
});
