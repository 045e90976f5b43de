import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describeInBrowser, openChromium } from "../helpers/browser.ts";
import { makeFixtureSite, type FixtureSite } from "../helpers/fixtureSite.ts";
import {
  ASSESSMENTS,
  collectCspViolations,
  resultLinks,
  searchCorpus,
  serveWithStrictCsp,
  waitForResults,
  type Served,
} from "./searchFixture.ts";

const MISSILE_TESTS = "/articles/korea-missile-tests/";
const SUMMIT = "/articles/korea-summit/";
const INVASION = "/articles/ukraine-invasion/";

/**
 * Every behaviour of the search page, on an index written as one bundle and on the same index
 * written as four shards (two records each) that the page merges.
 */
for (const [name, env] of [
  ["one bundle", {}],
  ["four shards", { DEFCON_SEARCH_SHARD_RECORDS: "2" }],
] as const) describeInBrowser(`search, in Chromium under a strict CSP (${name})`, () => {
  let site: FixtureSite;
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let violations: string[];

  beforeAll(async () => {
    site = await makeFixtureSite({ analyses: searchCorpus(), assessments: ASSESSMENTS });
    const result = await site.build({ DEFCON_BUILD_DATE: "2025-06-01T12:00:00Z", ...env });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(name === "one bundle" ? "3 assessments indexed, index" : "3 assessments indexed in 4 shards");
    served = await serveWithStrictCsp(site.output);
    browser = await openChromium();
    // Service workers would answer from their caches; these tests are about search itself.
    context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 1600 } });
    page = await context.newPage();
    violations = collectCspViolations(page);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await site?.remove();
  });

  /** Loads `path` in the block's one tab, as a reader going from search to search would. */
  const open = async (path: string) => {
    violations.length = 0;
    await page.goto(`${served.origin}${path}`);
  };
  const filter = (name: string, value: string) => page.locator(`pagefind-filter-pane input[name="${name}"][value="${value}"]`);

  it("finds the analysis that uses a word, and keeps the query in the URL", async () => {
    await open("/search/");
    const input = page.getByRole("searchbox", { name: "Search this site" });
    await input.fill("hokkaido");
    await waitForResults(page, [MISSILE_TESTS]);
    await expect.poll(() => new URL(page.url()).search).toBe("?q=hokkaido");
    expect(violations).toEqual([]);
  });

  it("finds an assessment of the level history as its own result, linking to /history/", async () => {
    await open("/search/?q=kremlin");
    await waitForResults(page, ["/history/#assessment-2022-03-13"]);
    expect(await page.locator("pagefind-results").textContent()).toContain("DEFCON 3 Yellow");
  });

  it("reproduces a shared search from its URL: query, filters and order", async () => {
    await open("/search/?q=pyongyang&region=Asia-Pacific&sort=date:asc");
    await waitForResults(page, [MISSILE_TESTS, SUMMIT]);
    expect(await resultLinks(page)).toEqual([MISSILE_TESTS, SUMMIT]);
    expect(await page.getByRole("searchbox", { name: "Search this site" }).inputValue()).toBe("pyongyang");
    await expect.poll(() => filter("region", "Asia-Pacific").isChecked()).toBe(true);
    expect(await page.locator("#search-order").inputValue()).toBe("date:asc");
    expect(violations).toEqual([]);
  });

  it("narrows the results with each filter, from the keyboard", async () => {
    await open("/search/?q=pyongyang");
    await waitForResults(page, [MISSILE_TESTS, SUMMIT, INVASION]);

    await filter("region", "Asia-Pacific").focus();
    await page.keyboard.press("Space");
    await waitForResults(page, [MISSILE_TESTS, SUMMIT]);
    await expect.poll(() => new URL(page.url()).searchParams.getAll("region")).toEqual(["Asia-Pacific"]);

    await filter("year", "2018").focus();
    await page.keyboard.press("Space");
    await waitForResults(page, [SUMMIT]);

    await open("/search/?q=pyongyang");
    await waitForResults(page, [MISSILE_TESTS, SUMMIT, INVASION]);
    // The level in force when each was written: 4 Blue in 2017 and 2018, 3 Yellow in March 2022.
    await filter("level", "DEFCON 3 Yellow").check();
    await waitForResults(page, [INVASION]);
    await expect.poll(() => new URL(page.url()).searchParams.get("level")).toBe("DEFCON 3 Yellow");
    expect(violations).toEqual([]);
  });

  it("orders by date on request", async () => {
    await open("/search/?q=pyongyang&sort=date:desc");
    await waitForResults(page, [MISSILE_TESTS, SUMMIT, INVASION]);
    expect(await resultLinks(page)).toEqual([INVASION, SUMMIT, MISSILE_TESTS]);
    await page.locator("#search-order").selectOption("date:asc");
    await expect.poll(() => resultLinks(page)).toEqual([MISSILE_TESTS, SUMMIT, INVASION]);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("date:asc");
  });

  it("leads there from the search box in every page's header", async () => {
    await open("/articles/");
    await page.getByRole("searchbox", { name: "Search analyses" }).fill("kashmir");
    await page.getByRole("searchbox", { name: "Search analyses" }).press("Enter");
    await page.waitForURL(/\/search\/\?q=kashmir$/);
    await waitForResults(page, ["/articles/kashmir-strikes/"]);
    expect(violations).toEqual([]);
  });

  it("says, without JavaScript, that search needs it and where to browse instead", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: "block" });
    const plain = await noJs.newPage();
    await plain.goto(`${served.origin}/search/?q=korea`);
    const text = await plain.locator("main").innerText();
    expect(text).toContain("Search needs JavaScript");
    expect(await plain.locator('main a[href="/articles/"]').count()).toBe(1);
    expect(await plain.locator('main a[href="/regions/"]').count()).toBe(1);
    await noJs.close();
  });
});
