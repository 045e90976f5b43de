import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { describeInBrowser, openChromium } from "../helpers/browser.ts";
import { makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";
import { collectCspViolations, serveWithStrictCsp, type Served } from "./searchFixture.ts";
import { RESULTS_PER_STEP } from "../../site/assets/js/searchMore.js";

const ANALYSES = 120;

/** A search with more results than one step shows them a step at a time, with a button for more. */
describeInBrowser("search results in steps, in Chromium under a strict CSP", () => {
  let site: FixtureSite;
  let served: Served;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const analyses = Object.fromEntries(
      Array.from({ length: ANALYSES }, (_, i) => [
        `posture-${i + 1}`,
        validAnalysis({
          title: `Posture review ${i + 1}`,
          date: `20${String(10 + (i % 15)).padStart(2, "0")}-0${1 + (i % 9)}-1${i % 10}`,
          // Two sections, as analyses have: each result shows them under its own excerpt.
          body: `Deterrence posture review number ${i + 1}.${i % 2 ? " Submarines." : ""}\n\n## Background\n\nDeterrence before the review.\n\n## Implications\n\nDeterrence after the review.`,
        }),
      ]),
    );
    site = await makeFixtureSite({ analyses, assessments: [{ date: "2010-01-01", level: 4, reason: "Tension in the fixture." }] });
    const result = await site.build({ DEFCON_BUILD_DATE: "2025-06-01T12:00:00Z" });
    expect(result.code, result.output).toBe(0);
    served = await serveWithStrictCsp(site.output);
    browser = await openChromium();
    page = await (await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 1600 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await site?.remove();
  });

  // Every result shown is an item; its link and excerpt load when it scrolls into view.
  const shown = () => page.locator("pagefind-results li.pf-result").count();
  const more = () => page.locator("[data-search-more]");

  it("shows a step of results, counts them all, and shows more on request until all are shown", async () => {
    const violations = collectCspViolations(page);
    expect(RESULTS_PER_STEP).toBe(50);
    await page.goto(`${served.origin}/search/?q=deterrence`);
    await expect.poll(shown).toBe(50);
    expect(await page.locator("pagefind-summary").textContent()).toContain(`${ANALYSES} results`);
    expect(await more().textContent()).toBe(`Show 50 more of ${ANALYSES} results`);

    await more().click();
    await expect.poll(shown).toBe(100);
    expect(await more().textContent()).toBe(`Show 20 more of ${ANALYSES} results`);
    await more().click();
    await expect.poll(shown).toBe(ANALYSES);
    await expect.poll(() => more().isHidden()).toBe(true);
    expect(violations).toEqual([]);
  });

  it("starts again from the first step for a new search", async () => {
    await page.goto(`${served.origin}/search/?q=deterrence`);
    await expect.poll(shown).toBe(50);
    await more().click();
    await expect.poll(shown).toBe(100);
    await page.getByRole("searchbox", { name: "Search this site" }).fill("submarines");
    await expect.poll(() => page.locator("pagefind-summary").textContent()).toContain("60 results");
    await expect.poll(shown).toBe(50);
    expect(await more().textContent()).toBe("Show 10 more of 60 results");
  });

  // Each result's excerpt is a download of its own (a Pagefind fragment, about 3 KB for an
  // analysis), fetched when the result's placeholder comes into view: placeholders as tall as a
  // result mean only the results a reader can see are fetched, not those pushed off screen as
  // the ones above them fill in.
  it("downloads the excerpts of the results on screen, not of those pushed below them", async () => {
    const fresh = await (await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 1600 } })).newPage();
    const fragments = new Set<string>();
    fresh.on("request", (request) => {
      if (/\/pagefind\/(?:shard-\d+\/)?fragment\//.test(request.url())) fragments.add(request.url());
    });
    await fresh.goto(`${served.origin}/search/?q=deterrence`);
    await fresh.waitForSelector("pagefind-results a.pf-result-link");
    await fresh.waitForTimeout(1000); // any placeholder still in view would have asked by now
    const onScreen = await fresh.evaluate(() =>
      [...document.querySelectorAll("pagefind-results li.pf-result:not([aria-hidden])")].filter((li) => li.getBoundingClientRect().top < innerHeight).length,
    );
    expect(onScreen).toBeGreaterThan(3);
    // Pagefind asks for a result 50 px before it comes into view: one more may be fetched.
    expect(fragments.size).toBeGreaterThanOrEqual(onScreen);
    expect(fragments.size).toBeLessThanOrEqual(onScreen + 1);
    await fresh.context().close();
  });

  it("on a phone, shows the results on the first screen, the filters folded until the reader opens them", async () => {
    const phone = await (await browser.newContext({ serviceWorkers: "block", viewport: { width: 390, height: 844 }, hasTouch: true })).newPage();
    const checkboxes = phone.locator("pagefind-filter-pane .pf-filter-checkbox");
    await phone.goto(`${served.origin}/search/?q=deterrence`);
    await phone.waitForSelector("pagefind-results a.pf-result-link");
    const firstResultTop = await phone.locator("pagefind-results li.pf-result").first().evaluate((li) => li.getBoundingClientRect().top);
    expect(firstResultTop).toBeLessThan(844);
    expect(await checkboxes.first().isVisible()).toBe(false);
    await phone.getByText("Level, region and year").click();
    await expect.poll(() => checkboxes.first().isVisible()).toBe(true);

    // A search that already filters shows what filters it.
    await phone.goto(`${served.origin}/search/?q=deterrence&year=2011`);
    await phone.waitForSelector("pagefind-results li.pf-result", { state: "attached" });
    await expect.poll(() => phone.locator('pagefind-filter-pane input[name="year"][value="2011"]').isChecked()).toBe(true);
    expect(await phone.locator('pagefind-filter-pane input[name="year"][value="2011"]').isVisible()).toBe(true);
    await phone.context().close();
  });

  it("shows the filters beside the results on a wide screen, with nothing to open", async () => {
    await page.goto(`${served.origin}/search/?q=deterrence`);
    await page.waitForSelector("pagefind-results a.pf-result-link");
    expect(await page.locator("pagefind-filter-pane .pf-filter-checkbox").first().isVisible()).toBe(true);
    expect(await page.getByText("Level, region and year").isVisible()).toBe(false);
  });
});
