import { beforeAll, describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { makeFixtureSite } from "../helpers/fixtureSite.ts";
import { builtFixtureSite } from "../helpers/sharedFixtureSite.ts";
import { listHtmlFiles } from "../../scripts/gates/runGates.ts";
import { listReaderPages } from "../helpers/readerPages.ts";
import { BUILD_DATE, LEVEL_2, LEVEL_2_LATEST_ID, LEVEL_4, LEVEL_4_FACTS as FACTS } from "./historyFixtures.ts";

const COLOURS: Record<number, string> = { 5: "Green", 4: "Blue", 3: "Yellow", 2: "Orange", 1: "Red" };
const text = (s: string) => s.replace(/\s+/g, " ").trim();

/** The y values a step path visits, in order: its start and each vertical jump. */
function pathLevels(d: string, bands: { level: number; top: number; bottom: number }[]): number[] {
  const ys = [...d.matchAll(/M[\d.]+ ([\d.]+)|V([\d.]+)/g)].map((m) => Number(m[1] ?? m[2]));
  return ys.map((y) => bands.find((b) => y > b.top && y < b.bottom)!.level);
}

describe("the level history at DEFCON 4", () => {
  const site = builtFixtureSite(LEVEL_4, { DEFCON_BUILD_DATE: BUILD_DATE });
  let $: cheerio.CheerioAPI;

  beforeAll(async () => {
    $ = cheerio.load(await site.read("history/index.html"));
  });

  it("lists every assessment newest first, with its id, level in words, change and reason", () => {
    const rows = $("table.assessment-table tbody tr");
    expect(rows.map((_, r) => $(r).attr("id")).get()).toEqual(FACTS.ids);
    expect(rows.map((_, r) => Number($(r).attr("data-level"))).get()).toEqual(FACTS.levels);
    expect(rows.map((_, r) => $(r).attr("data-change")).get()).toEqual(FACTS.changes);
    rows.each((i, r) => {
      expect(text($(r).find(".assessment__level").text())).toBe(`DEFCON ${FACTS.levels[i]} ${COLOURS[FACTS.levels[i]!]}`);
    });
    const issued = rows.map((_, r) => Date.parse($(r).attr("data-issued")!)).get();
    expect([...issued].sort((a, b) => b - a)).toEqual(issued);
    // Reasons are text: markup in them is escaped, not interpreted.
    expect(text($("#assessment-2020-01-01 .assessment__reason").text())).toBe("Calm & quiet <for now>.");
    expect(text($("#assessment-2021-03-15 .assessment__change").text())).toBe("▲ Raised from DEFCON 5 Green");
    expect(text($("#assessment-2024-05-01 .assessment__change").text())).toBe("▼ Lowered from DEFCON 4 Blue");
    expect(text($("#assessment-2023-02-10-0930 .assessment__change").text())).toBe("Kept at DEFCON 4");
  });

  it("gives the time in UTC when the assessment has one, and links the analysis behind it", () => {
    expect(text($("#assessment-2023-02-10-0930 .assessment__date").text())).toBe("Friday 10 February 2023, 09:30 UTC");
    expect(text($("#assessment-2021-03-15 .assessment__date").text())).toBe("Monday 15 March 2021");
    const link = $("#assessment-2021-03-15 .assessment__analysis a");
    expect(link.attr("href")).toBe("/articles/tension/");
    expect(link.text()).toBe("Tension in the strait");
  });

  for (const layout of ["wide", "narrow"]) {
    it(`draws the ${layout} chart from the data: bands with DEFCON 1 on top, the steps, a linked marker per change`, () => {
      const svg = $(`svg[data-layout="${layout}"]`);
      expect(svg).toHaveLength(1);
      const bands = svg
        .find("rect.level-chart__band")
        .map((_, r) => {
          const top = Number($(r).attr("y"));
          return { level: Number($(r).attr("data-level")), top, bottom: top + Number($(r).attr("height")) };
        })
        .get();
      expect(bands.map((b) => b.level)).toEqual([1, 2, 3, 4, 5]);
      expect(bands[0]!.top).toBeLessThan(bands[4]!.top);
      expect(svg.find(".level-chart__level-label").map((_, t) => $(t).text()).get()).toEqual(["1 Red", "2 Orange", "3 Yellow", "4 Blue", "5 Green"]);

      expect(pathLevels(svg.find("path.level-chart__line").attr("d")!, bands)).toEqual(FACTS.steps.map((s) => s.level));

      const markers = svg.find("a.level-chart__marker");
      expect(markers.map((_, m) => $(m).attr("href")).get()).toEqual(FACTS.steps.map((s) => `#${s.id}`));
      expect(markers.map((_, m) => $(m).attr("data-date")).get()).toEqual(FACTS.steps.map((s) => s.from));
      expect(markers.map((_, m) => Number($(m).attr("data-level"))).get()).toEqual(FACTS.steps.map((s) => s.level));
      markers.each((i, m) => {
        expect($(m).hasClass(`level-chart__marker--${FACTS.steps[i]!.kind}`)).toBe(true);
        // Every marker links to an entry that exists on the page.
        expect($(`[id="${FACTS.steps[i]!.id}"]`)).toHaveLength(1);
        // And is named as the history table says the change, with the level's label.
        const { kind, level } = FACTS.steps[i]!;
        const label = `DEFCON ${level} ${COLOURS[level]}`;
        const expected = kind === "first" ? `First assessment: ${label}` : `${kind === "raised" ? "Raised" : "Lowered"} to ${label}`;
        expect(text($(m).find("title").text())).toMatch(new RegExp(`^${expected} on \\d{1,2} \\w+ \\d{4}$`));
      });

      const ticks = svg.find("text.level-chart__tick").map((_, t) => $(t).attr("data-date")!).get();
      expect(ticks.length).toBeGreaterThan(1);
      for (const tick of ticks) {
        expect(tick >= "2020-01-01" && tick <= "2025-06-30").toBe(true);
      }
    });
  }

  it("summarises the chart in its <title> and <desc>, with the table as the full alternative", () => {
    const svg = $('svg[data-layout="wide"]');
    expect(svg.attr("role")).toBe("group");
    const titleId = svg.attr("aria-labelledby");
    const descId = svg.attr("aria-describedby");
    expect(text($(`[id="${titleId}"]`).text())).toBe("DEFCON level from 1 January 2020 to 30 June 2025");
    const desc = text($(`[id="${descId}"]`).text());
    expect(desc).toContain("The level changed 3 times");
    expect(desc).toContain("DEFCON 4 Blue since 20 January 2025");
  });

  it("states the days at each level up to today, the longest stretch and the last change", () => {
    const rows = $("table.level-stats__table tbody tr");
    expect(rows.map((_, r) => Number($(r).attr("data-level"))).get()).toEqual([5, 4, 3, 2, 1]);
    rows.each((_, r) => {
      const level = Number($(r).attr("data-level"));
      expect(Number($(r).attr("data-days")), `days at ${level}`).toBe(FACTS.daysAt[level]);
      const longest = FACTS.longest[level];
      if (longest) {
        expect($(r).attr("data-longest-from")).toBe(longest.from);
        expect(Number($(r).attr("data-longest-days"))).toBe(longest.days);
        expect(text($(r).find("td").last().text())).toContain(`${longest.days.toLocaleString("en-GB")} days`);
      } else {
        expect(text($(r).find("td").last().text())).toBe("Never in force");
      }
    });
    const summary = $(".level-stats__summary");
    expect(Number(summary.attr("data-total-days"))).toBe(FACTS.totalDays);
    expect(Number(summary.attr("data-changes"))).toBe(3);
    expect(summary.find("[data-last-change]").attr("data-last-change")).toBe(FACTS.lastChange);
    expect(summary.find("[data-last-change]").attr("href")).toBe("#assessment-2025-01-20");
  });

  it("states the level in force when each analysis was written, and links it both ways with its assessment", async () => {
    const tension = cheerio.load(await site.read("articles/tension/index.html"));
    expect(tension("article").attr("data-level-at-publication")).toBe("4");
    expect(text(tension(".analysis__written-at").text())).toBe("Written at DEFCON 4 Blue");
    expect(tension(".analysis__cited-by a").attr("href")).toBe("/history/#assessment-2021-03-15");

    // Written the day before the assessment that cites it: the level then was still 4.
    const calm = cheerio.load(await site.read("articles/calm-returns/index.html"));
    expect(calm("article").attr("data-level-at-publication")).toBe("4");
    expect(text(calm(".analysis__written-at").text())).toBe("Written at DEFCON 4 Blue");
    expect(calm(".analysis__cited-by a").attr("href")).toBe("/history/#assessment-2024-05-01");
    expect($("#assessment-2024-05-01 .assessment__analysis a").attr("href")).toBe("/articles/calm-returns/");

    const early = cheerio.load(await site.read("articles/early/index.html"));
    expect(early("article").attr("data-level-at-publication")).toBeUndefined();
    expect(text(early(".analysis__written-at").text())).toContain("Written before the first assessment on record");
    expect(early(".analysis__cited-by")).toHaveLength(0);
  });

  it("shows no alert banner on any page at DEFCON 4, and lists History in the navigation", async () => {
    const pages = await listHtmlFiles(site.output);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const html = await site.read(page);
      expect(html, page).not.toContain("alert-banner");
      expect(cheerio.load(html)('[role="alert"]'), page).toHaveLength(0);
    }
    expect($('.site-nav a[href="/history/"]').attr("aria-current")).toBe("page");
  });
});

describe("the alert banner at DEFCON 2", () => {
  const site = builtFixtureSite(LEVEL_2, { DEFCON_BUILD_DATE: BUILD_DATE });

  it("is on every page, announced, in words, linking to preparedness and the latest assessment", async () => {
    const pages = await listReaderPages(site.output);
    expect(pages.length).toBeGreaterThan(5);
    // Except the widget, framed on other sites' pages at 320 × 140: an alert role there would
    // interrupt the page around it at every load. It says the level in words and colour itself.
    for (const page of pages.filter((file) => file !== "embed/widget/index.html")) {
      const $ = cheerio.load(await site.read(page));
      const banner = $(".alert-banner");
      expect(banner, page).toHaveLength(1);
      expect(banner.attr("role")).toBe("alert");
      expect(text(banner.text())).toContain("Alert: DEFCON 2 Orange");
      expect(text(banner.text())).toContain("Not an official government alert level.");
      const hrefs = banner.find("a").map((_, a) => $(a).attr("href")).get();
      expect(hrefs).toEqual(["/preparedness/", `/history/#${LEVEL_2_LATEST_ID}`]);
      // Right after the skip link, before the header: the first thing read after it.
      expect(banner.prev().hasClass("skip-link"), page).toBe(true);
    }
    const widget = cheerio.load(await site.read("embed/widget/index.html"));
    expect(widget(".alert-banner")).toHaveLength(0);
    const history = cheerio.load(await site.read("history/index.html"));
    expect(history(`[id="${LEVEL_2_LATEST_ID}"]`).attr("data-level")).toBe("2");
  });
});

describe("a level history marked as sample data", () => {
  it("says so on /history/, and only then", async () => {
    const sample = await makeFixtureSite({ levels: { sample: true, assessments: [{ date: "2024-01-01", level: 5, reason: "Calm." }] } });
    const record = await makeFixtureSite({ levels: { assessments: [{ date: "2024-01-01", level: 5, reason: "Calm." }] } });
    try {
      for (const site of [sample, record]) expect((await site.build()).code).toBe(0);
      expect(await sample.read("history/index.html")).toContain("This history is sample data");
      expect(await record.read("history/index.html")).not.toContain("sample data");
    } finally {
      await sample.remove();
      await record.remove();
    }
  });
});
