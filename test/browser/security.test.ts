import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser } from "../helpers/browser.ts";
import { entriesOf } from "../helpers/feedEntries.ts";
import { previewedSite } from "./previewedSite.ts";
import { watchForViolations } from "./watchForViolations.ts";

describeInBrowser("security under netlify.toml's real headers", () => {
  const previewed = previewedSite();

  /**
   * Loads a URL in a fresh browser profile and collects CSP violations and requests to any other
   * origin, and every URL requested.
   */
  async function visit(url: string, act?: (page: Page) => Promise<void>, waitUntil: "load" | "networkidle" = "networkidle") {
    const context = await previewed.browser.newContext();
    const problems = await watchForViolations(context, previewed.origin);
    const requests: string[] = [];
    context.on("request", (request) => requests.push(request.url()));
    const page = await context.newPage();
    const response = await page.goto(previewed.origin + url, { waitUntil });
    if (act) await act(page);
    await page.waitForTimeout(200);
    await context.close();
    return { problems, requests, response };
  }

  it("finds the page types it audits in the built output", () => {
    for (const type of ["home", "analysis", "archive", "region", "levels", "404"]) expect([...previewed.pages.keys()]).toContain(type);
  });

  it("lets other sites fetch the level's data, feeds and badges (CORS) as npm run preview serves them, and not its pages", async () => {
    const open = ["/code.dat", "/api/level.json", "/api/levels.json", "/api/levels.csv", "/assessments.ics", "/badge.svg", "/badge-dark.svg", "/feeds/levels.atom.xml", "/feeds/analyses.json"];
    for (const url of open) {
      const response = await fetch(previewed.origin + url, { headers: { Origin: "https://dashboard.example" } });
      expect(response.status, url).toBe(200);
      expect(response.headers.get("access-control-allow-origin"), url).toBe("*");
    }
    for (const url of ["/", "/history/", "/feeds/"]) {
      const response = await fetch(previewed.origin + url, { headers: { Origin: "https://dashboard.example" } });
      expect(response.headers.get("access-control-allow-origin"), url).toBeNull();
    }
  });

  it("loads every page type with no CSP violation and no request to another origin", async () => {
    // One tab going from page to page, as a reader does.
    const context = await previewed.browser.newContext();
    try {
      const problems = await watchForViolations(context, previewed.origin);
      const page = await context.newPage();
      for (const [type, url] of previewed.pages) {
        const response = await page.goto(previewed.origin + url, { waitUntil: "load" });
        expect(response?.headers()["content-security-policy"], type).toContain("default-src 'none'");
        expect(problems.splice(0), `${type} ${url}`).toEqual([]);
      }
      // What starts after a page's load (the service worker's first caching) is watched to the end.
      await page.waitForLoadState("networkidle");
      expect(problems, "after the last page").toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows every page type's content with JavaScript turned off", async () => {
    const disclaimer = "It is not affiliated with any government agency";
    const context = await previewed.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      for (const [type, url] of previewed.pages) {
        await page.goto(previewed.origin + url, { waitUntil: "load" });
        const heading = (await page.locator("main h1").first().innerText()).trim();
        expect(heading, `${type} ${url}: its heading`).not.toBe("");
        expect(await page.locator("body").innerText(), `${type} ${url}: the disclaimer`).toContain(disclaimer);
        expect(await page.locator("[data-current-level]").first().isVisible(), `${type} ${url}: the current level`).toBe(true);
      }
    } finally {
      await context.close();
    }
  });

  it("shows a feed as a styled page (same-origin XSL and CSS) listing its entries, with no inline style or script of ours", async () => {
    for (const feed of ["/feeds/analyses.atom.xml", "/feeds/levels.rss.xml"]) {
      let heading: string | null = null;
      let inline: string[] = [];
      let shownEntries = 0;
      let linksToFeedsPage = 0;
      const { problems, requests } = await visit(
        feed,
        async (page) => {
          heading = await page.locator("h1").textContent();
          shownEntries = await page.locator(".feed-preview__entry h2 a").count();
          linksToFeedsPage = await page.locator('a[href="/feeds/"]').count();
          // Chromium injects its own <xslt-warning-banner> (XSLT is deprecated) with inline styles
          // and a handler, which our CSP blocks; everything else on the page is ours.
          inline = await page.evaluate(() =>
            [...document.querySelectorAll("[style], style, script, [onclick], [onload]")]
              .filter((element) => !element.closest("xslt-warning-banner"))
              .map((element) => element.outerHTML.slice(0, 80)),
          );
        },
        "load",
      );
      expect(heading, feed).toMatch(/^The DEFCON Warning System: /);
      expect(shownEntries, feed).toBe((await entriesOf(previewed.site, feed.slice(1))).length);
      expect(shownEntries, feed).toBeGreaterThan(0);
      expect(linksToFeedsPage, feed).toBe(1);
      expect(requests, feed).toContain(`${previewed.origin}/feeds/feed.xsl`);
      expect(inline, feed).toEqual([]);
      expect(problems.filter((problem) => problem.startsWith("request to")), feed).toEqual([]);
    }
  });

  it("notices a violation when one happens (the detector itself works)", async () => {
    const { problems } = await visit("/", async (page) => {
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "document.title = 'injected'";
        document.body.append(script);
      });
    });
    expect(problems.some((problem) => problem.includes("Refused to"))).toBe(true);
  });

  it("runs a search with no CSP violation and no request to another origin", async () => {
    let results = 0;
    const { problems } = await visit("/search/?q=korea", async (page) => {
      // Pagefind's scripts, its WebAssembly and its index chunks have all loaded once results show.
      await page.waitForSelector("pagefind-results .pf-result", { timeout: 10_000 });
      results = await page.locator("pagefind-results .pf-result").count();
    });
    expect(results).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
