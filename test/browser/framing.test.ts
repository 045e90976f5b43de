import { createServer, type Server } from "node:http";
import * as cheerio from "cheerio";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listen } from "../../scripts/preview/staticServer.ts";
import { describeInBrowser } from "../helpers/browser.ts";
import { previewedSite } from "./previewedSite.ts";
import { watchForViolations } from "./watchForViolations.ts";

describeInBrowser("framing by other sites, under netlify.toml's real headers", () => {
  const previewed = previewedSite();
  /** Another site (another port, so another origin) whose page frames the widget and the home page. */
  let otherSite: Server;
  let otherOrigin: string;
  /** The widget's snippet as a reader copies it from /embed/. */
  let snippet: string;

  beforeAll(async () => {
    const embedPage = cheerio.load(await previewed.site.read("embed/index.html"));
    const found = embedPage("pre.embed-snippet code")
      .map((_, code) => embedPage(code).text())
      .get()
      .find((text) => text.startsWith("<iframe"));
    if (found === undefined) throw new Error("/embed/ gives no <iframe> snippet to copy");
    snippet = found;
    otherSite = createServer((_request, response) => {
      // The snippet points at the production address; the copy here points at the preview instead.
      const copied = cheerio.load(snippet, null, false);
      const widgetUrl = new URL(copied("iframe").attr("src")!);
      copied("iframe").attr("src", previewed.origin + widgetUrl.pathname).attr("id", "widget");
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom's dashboard</title></head><body>
        ${copied.html()}
        <iframe id="home" src="${previewed.origin}/" title="The home page" width="320" height="140"></iframe>
        </body></html>`;
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
    });
    otherOrigin = await listen(otherSite);
  });
  afterAll(() => otherSite?.close());

  /** The other site's page, opened in `context`, with the console's messages collected. */
  async function openOtherSite(context: BrowserContext): Promise<{ page: Page; messages: string[] }> {
    const messages: string[] = [];
    context.on("console", (message) => messages.push(message.text()));
    const page = await context.newPage();
    await page.goto(otherOrigin + "/", { waitUntil: "load" });
    return { page, messages };
  }

  it("shows the widget in another site's frame, styled, and refuses to show the home page there", async () => {
    const context = await previewed.browser.newContext();
    try {
      const { page, messages } = await openOtherSite(context);
      const widget = page.frameLocator("#widget");
      const text = (await widget.locator("main").innerText({ timeout: 10_000 })).replace(/\s+/g, " ");
      expect(text).toMatch(/^DEFCON \d [A-Z][a-z]+ /);
      expect(text).toContain("Not an official government alert level.");
      expect(text).toMatch(/Assessed \d{1,2} [A-Z][a-z]+ \d{4}/);
      expect(text).toContain("The DEFCON Warning System");
      // The site's stylesheet reached the frame: the level is on its colour.
      expect(await widget.locator("h1").evaluate((h1) => getComputedStyle(h1).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");

      // Chromium says why it refused the home page, and shows its own error page in the frame instead.
      await expect.poll(() => messages.some((message) => message.includes("frame-ancestors 'none'"))).toBe(true);
      const home = await (await page.$("iframe#home"))!.contentFrame();
      expect(home?.url()).not.toBe(`${previewed.origin}/`);
      expect(await home!.locator("[data-current-level]").count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("opens this site in a new tab from the framed widget, leaving the other site where it was", async () => {
    const context = await previewed.browser.newContext();
    try {
      const { page } = await openOtherSite(context);
      const [opened] = await Promise.all([
        context.waitForEvent("page", { timeout: 10_000 }),
        page.frameLocator("#widget").locator("a").click({ timeout: 10_000 }),
      ]);
      await opened.waitForLoadState("load");
      expect(opened.url()).toBe(`${previewed.origin}/`);
      expect(await opened.locator("[data-current-level]").first().isVisible()).toBe(true);
      expect(page.url()).toBe(`${otherOrigin}/`);
    } finally {
      await context.close();
    }
  });

  it("shows the framed widget with JavaScript turned off", async () => {
    const context = await previewed.browser.newContext({ javaScriptEnabled: false });
    try {
      const { page } = await openOtherSite(context);
      const text = await page.frameLocator("#widget").locator("main").innerText({ timeout: 10_000 });
      expect(text).toMatch(/DEFCON \d/);
      expect(text).toContain("Not an official government alert level.");
    } finally {
      await context.close();
    }
  });

  it("previews the widget on /embed/ with no CSP violation", async () => {
    const context = await previewed.browser.newContext();
    try {
      const problems = await watchForViolations(context, previewed.origin);
      const page = await context.newPage();
      await page.goto(`${previewed.origin}/embed/`, { waitUntil: "load" });
      const preview = page.frameLocator("iframe.embed-preview__frame");
      expect(await preview.locator("h1").innerText({ timeout: 10_000 })).toMatch(/^DEFCON \d/);
      await page.waitForLoadState("networkidle");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
