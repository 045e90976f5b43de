import type { Server } from "node:http";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPreviewServer } from "../../scripts/preview/previewServer.ts";
import { listen } from "../../scripts/preview/staticServer.ts";
import { describeInBrowser, openChromium } from "../helpers/browser.ts";
import { makeFixtureSite, type FixtureSite } from "../helpers/fixtureSite.ts";

/**
 * The home page says when the next scheduled assessment is due as of its build; read after that
 * day (from a cache, an offline copy, or before the next build), it says the update is overdue.
 */
describeInBrowser("the next scheduled assessment on a home page read after its build", () => {
  let site: FixtureSite;
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    // At Blue, three weeks after 25 May 2026: due 15 June 2026; built on 1 June, not yet overdue.
    site = await makeFixtureSite({ analyses: {}, assessments: [{ date: "2026-05-25", level: 4, reason: "Tension." }] });
    const result = await site.build({ DEFCON_BUILD_DATE: "2026-06-01" });
    expect(result.code, result.output).toBe(0);
    server = await createPreviewServer({ root: site.output, netlifyToml: path.join(site.root, "netlify.toml") });
    origin = await listen(server);
    browser = await openChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await site?.remove();
  });

  async function nextAssessmentOn(day: string, javaScriptEnabled = true) {
    const context = await browser.newContext({ javaScriptEnabled, serviceWorkers: "block" });
    try {
      if (javaScriptEnabled) await context.clock.setFixedTime(new Date(`${day}T12:00:00Z`));
      const page = await context.newPage();
      await page.goto(`${origin}/`, { waitUntil: "load" });
      const next = page.locator("[data-next-assessment][data-overdue]");
      if (javaScriptEnabled) await page.waitForFunction(() => document.readyState === "complete");
      return { overdue: await next.getAttribute("data-overdue"), text: (await next.innerText()).replace(/\s+/g, " ") };
    } finally {
      await context.close();
    }
  }

  it("says when it is due, before that day and without JavaScript", async () => {
    expect(await nextAssessmentOn("2026-06-10")).toEqual({ overdue: "false", text: expect.stringContaining("Due by 15 June 2026") });
    expect(await nextAssessmentOn("2026-07-01", false)).toEqual({ overdue: "false", text: expect.stringContaining("Due by 15 June 2026") });
  });

  it("says it is overdue, and since when, once the day has passed on the reader's clock", async () => {
    expect(await nextAssessmentOn("2026-06-15")).toEqual({ overdue: "false", text: expect.stringContaining("Due by 15 June 2026") });
    const late = await nextAssessmentOn("2026-06-16");
    expect(late.overdue).toBe("true");
    expect(late.text).toContain("Overdue since 15 June 2026: the scheduled update has not been published yet.");
  });
});
