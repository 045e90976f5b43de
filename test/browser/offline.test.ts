import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describeInBrowser, openChromium } from "../helpers/browser.ts";
import { makeFixtureSite, type FixtureSite } from "../helpers/fixtureSite.ts";
import { ASSESSMENTS, collectCspViolations, resultLinks, searchCorpus, serveWithStrictCsp, waitForResults, type Served } from "./searchFixture.ts";

const BUILD_DATE = { DEFCON_BUILD_DATE: "2025-06-01T12:00:00Z" };

/** Waits until the service worker controls the page and has finished installing (precache done). */
async function waitForWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function buildVersion(site: FixtureSite): Promise<string> {
  const sw = await readFile(path.join(site.output, "sw.js"), "utf8");
  return /build ([0-9a-f]+)/.exec(sw)![1]!;
}

describeInBrowser("offline, in Chromium under a strict CSP", () => {
  let site: FixtureSite;
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let violations: string[];

  beforeAll(async () => {
    site = await makeFixtureSite({ analyses: searchCorpus(), assessments: ASSESSMENTS });
    const result = await site.build(BUILD_DATE);
    expect(result.code, result.output).toBe(0);
    served = await serveWithStrictCsp(site.output);
    browser = await openChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
    page = await context.newPage();
    violations = collectCspViolations(page);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await site?.remove();
  });

  it("installs a service worker on the first visit, registered from an external script", async () => {
    await page.goto(`${served.origin}/`);
    await waitForWorker(page);
    const version = await buildVersion(site);
    const names = await page.evaluate(() => caches.keys());
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain(version);
    expect(violations).toEqual([]);
  });

  it("offline, a reload still searches across all analyses and opens a cached result", async () => {
    await page.goto(`${served.origin}/search/?q=pyongyang`);
    await waitForResults(page, ["/articles/korea-missile-tests/", "/articles/korea-summit/", "/articles/ukraine-invasion/"]);
    await expect.poll(() => page.locator("[data-offline-search-status]").textContent()).toContain("Search works on this device without a network");

    await context.setOffline(true);
    await page.goto(`${served.origin}/search/?q=kashmir`);
    await waitForResults(page, ["/articles/kashmir-strikes/"]);
    expect(await page.locator("[data-offline-notice]").textContent()).toContain("You are offline");
    // The excerpt comes from the cached index too.
    expect(await page.locator("pagefind-results").textContent()).toContain("artillery");

    await page.locator('pagefind-results a[href="/articles/kashmir-strikes/"]').click();
    await page.waitForURL(/\/articles\/kashmir-strikes\/$/);
    expect(await page.locator("h1").first().textContent()).toBe("Strikes across the line of control");
    const notice = await page.locator("[data-offline-notice]").textContent();
    expect(notice).toContain("DEFCON 4 Blue");
    expect(notice).toContain("1 September 2022");
    expect(violations).toEqual([]);
  });

  it("offline, a page that was never saved gets the offline page: what is available and the level last seen", async () => {
    await page.goto(`${served.origin}/about/`);
    expect(await page.locator("h1").first().textContent()).toBe("You are offline");
    const available = await page.locator("#offline-available a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(available).toEqual(expect.arrayContaining(["/search/", "/articles/kashmir-strikes/", "/articles/korea-summit/"]));
    expect(available).not.toContain("/about/");
    const level = await page.locator("#offline-level").textContent();
    expect(level).toContain("DEFCON 4 Blue");
    expect(level).toContain("1 September 2022");
  });

  it("back online after a rebuild with a new level, shows the new level and drops the old caches", async () => {
    const oldVersion = await buildVersion(site);
    await site.write(
      "_data/levels.json",
      JSON.stringify({ assessments: [...ASSESSMENTS, { date: "2025-05-20", level: 2, reason: "A new crisis." }] }),
    );
    const result = await site.build(BUILD_DATE);
    expect(result.code, result.output).toBe(0);
    const newVersion = await buildVersion(site);
    expect(newVersion).not.toBe(oldVersion);

    await context.setOffline(false);
    await page.goto(`${served.origin}/articles/kashmir-strikes/`);
    expect(await page.locator(".level-indicator").textContent()).toContain("DEFCON 2 Orange");
    expect(await page.locator("[data-offline-notice]").count()).toBe(0);

    await expect
      .poll(async () => (await page.evaluate(() => caches.keys())).every((name) => name.includes(newVersion)), { timeout: 15_000 })
      .toBe(true);
    // And offline again, the saved copy is the new one.
    await context.setOffline(true);
    await page.goto(`${served.origin}/`);
    expect(await page.locator(".level-indicator").textContent()).toContain("DEFCON 2 Orange");
    await context.setOffline(false);
    expect(violations).toEqual([]);
  });
});

describeInBrowser("offline search for a large index in shards, in Chromium", () => {
  let site: FixtureSite;
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    site = await makeFixtureSite({ analyses: searchCorpus(), assessments: ASSESSMENTS });
    // Any index counts as large here: the reader must be asked before it is downloaded. A large
    // index is written in shards (two records each here), and every shard must be saved.
    const result = await site.build({ ...BUILD_DATE, DEFCON_OFFLINE_AUTO_INDEX_BYTES: "0", DEFCON_SEARCH_SHARD_RECORDS: "2" });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("in 4 shards");
    served = await serveWithStrictCsp(site.output);
    browser = await openChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await site?.remove();
  });

  it("asks first, with the size, then saves every shard with progress so search works offline", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
    const page = await context.newPage();
    const violations = collectCspViolations(page);
    await page.goto(`${served.origin}/search/`);
    await waitForWorker(page);
    await page.reload();
    const cachedIndexFiles = () =>
      page.evaluate(async () => {
        const keys = await Promise.all((await caches.keys()).map(async (name) => (await caches.open(name)).keys()));
        const bundles = keys.flat().flatMap((request) => {
          const match = /\/pagefind\/(shard-\d+\/)?(index|fragment|filter)\//.exec(request.url);
          return match ? [match[1] ?? "first"] : [];
        });
        return new Set(bundles).size;
      });
    const button = page.locator("[data-offline-search-button]");
    await expect.poll(() => button.textContent()).toMatch(/^Make search available offline \(\d+ (bytes|kB)\)$/);
    expect(await cachedIndexFiles()).toBe(0);

    await button.click();
    await expect.poll(() => page.locator("[data-offline-search-status]").textContent()).toContain("Search works on this device without a network");
    expect(await page.locator("[data-offline-search-progress]").isHidden()).toBe(true);
    expect(await cachedIndexFiles()).toBe(4);

    await context.setOffline(true);
    await page.goto(`${served.origin}/search/?q=pyongyang&sort=date:desc`);
    await waitForResults(page, ["/articles/korea-missile-tests/", "/articles/korea-summit/", "/articles/ukraine-invasion/"]);
    expect(await resultLinks(page)).toEqual(["/articles/ukraine-invasion/", "/articles/korea-summit/", "/articles/korea-missile-tests/"]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
