import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { describeInBrowser } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/fixtureSite.ts";
import { previewedSite, SEARCHABLE_WORD } from "./previewedSite.ts";

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * What axe checks in each colour scheme. Every WCAG 2.1 A and AA rule in light mode; in dark mode the
 * rules that depend on colour, since the dark scheme changes colours and nothing else (the
 * stylesheet test "changes only colour properties in dark mode" keeps that true).
 */
const RULES = {
  light: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  dark: { type: "rule", values: ["color-contrast", "link-in-text-block"] },
} as const;

describeInBrowser("accessibility: axe-core, WCAG 2.1 AA, every page type, light and dark", () => {
  const previewed = previewedSite();
  let axeSource: string;

  beforeAll(async () => {
    axeSource = await readFile(path.join(PROJECT_ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  });

  /** Runs axe on the page as it is now and describes each violation with where and why. */
  async function axeViolations(page: Page, colorScheme: "light" | "dark"): Promise<string[]> {
    // Evaluated over the DevTools protocol, so the page's CSP (no inline scripts) stays in force.
    if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
    const violations = await page.evaluate(async (runOnly) => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
      const results = await axe.run(document, { runOnly, resultTypes: ["violations"] });
      return results.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    }, RULES[colorScheme]);
    return violations.map((v: AxeViolation) => {
      const targets = v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ");
      // The first node's summary carries the measured values (e.g. the contrast ratio and colours).
      const why = v.nodes[0]?.failureSummary?.replace(/\s+/g, " ").trim();
      return `${v.id}: ${v.help} (${targets})${why ? `: ${why}` : ""}`;
    });
  }

  /**
   * Audits each URL in turn in one browser tab, as a reader going from page to page would see
   * them (a fresh browser profile per page costs about a second and audits nothing more): in light
   * mode, then, on the same page, in dark mode (the scheme switched as the reader's system would
   * switch it, which the stylesheet answers at once).
   */
  async function auditPages(urls: Iterable<[string, string]>): Promise<Record<"light" | "dark", Record<string, string[]>>> {
    const context = await previewed.browser.newContext({ colorScheme: "light" });
    const found: Record<"light" | "dark", Record<string, string[]>> = { light: {}, dark: {} };
    try {
      const page = await context.newPage();
      for (const [type, url] of urls) {
        await page.goto(previewed.origin + url, { waitUntil: "load" });
        for (const scheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), `${url} in ${scheme} mode`).toBe(scheme === "dark");
          const violations = await axeViolations(page, scheme);
          if (violations.length) found[scheme][`${type} ${url}`] = violations;
        }
      }
    } finally {
      await context.close();
    }
    return found;
  }
  /** Both schemes' audits of every page type, run once for the two tests that read them. */
  let pageAudits: ReturnType<typeof auditPages> | undefined;

  /** Opens `url` in a fresh context, lets `prepare` bring the page to the state to audit, runs axe. */
  async function audit(
    url: string,
    colorScheme: "light" | "dark",
    prepare: (page: Page) => Promise<void>,
    viewport?: { width: number; height: number },
  ): Promise<string[]> {
    const context = await previewed.browser.newContext({ colorScheme, ...(viewport && { viewport }) });
    try {
      const page = await context.newPage();
      await page.goto(previewed.origin + url, { waitUntil: "networkidle" });
      await prepare(page);
      return await axeViolations(page, colorScheme);
    } finally {
      await context.close();
    }
  }

  /**
   * Brings /search/ to the state a reader sees mid-search: results with highlighted words, every
   * filter group open, one result link focused from the keyboard and one hovered. Each part is
   * asserted, so the audit cannot pass on a page where they are missing.
   */
  async function showSearchResults(page: Page): Promise<void> {
    await page.waitForSelector("[data-search-ready]", { timeout: 10_000 });
    await page.waitForSelector("pagefind-results .pf-result .pf-result-excerpt mark", { timeout: 10_000 });
    expect(await page.locator("pagefind-results .pf-result").count()).toBeGreaterThan(0);
    expect(await page.locator("pagefind-results .pf-result-excerpt mark").count()).toBeGreaterThan(0);

    // Filter groups shown as <details> hide their options until opened; open each like a reader.
    const closed = page.locator("pagefind-filter-pane details:not([open]) > summary");
    for (let i = await closed.count(); i > 0; i--) await closed.first().click();
    expect(await closed.count()).toBe(0);
    expect(await page.locator("pagefind-filter-pane .pf-filter-checkbox:visible").count()).toBeGreaterThan(0);

    const links = page.locator("pagefind-results .pf-result-link");
    await links.first().focus();
    expect(await links.first().evaluate((link) => link.matches(":focus-visible"))).toBe(true);
    await links.last().hover();
    expect(await links.last().evaluate((link) => link.matches(":hover"))).toBe(true);
  }

  it("audits the page types of the built site", () => {
    for (const type of ["home", "analysis", "archive", "region", "levels", "404"]) expect([...previewed.pages.keys()]).toContain(type);
  });

  for (const scheme of ["light", "dark"] as const) {
    const rules = scheme === "light" ? "WCAG 2.1 AA" : "colour (contrast, links told apart)";
    it(`has no ${rules} violations in ${scheme} mode`, async () => {
      pageAudits ??= auditPages(previewed.pages);
      expect((await pageAudits)[scheme]).toEqual({});
    });

    it(`has no ${rules} violations on search results, highlights and open filters in ${scheme} mode`, async () => {
      expect(await audit(`/search/?q=${encodeURIComponent(SEARCHABLE_WORD)}`, scheme, showSearchResults)).toEqual([]);
    });

    it(`has no ${rules} violations on search on a phone, the filters folded, in ${scheme} mode`, async () => {
      const folded = async (page: Page) => {
        await page.waitForSelector("[data-search-ready]", { timeout: 10_000 });
        await page.waitForSelector("pagefind-results .pf-result-link", { timeout: 10_000 });
        expect(await page.locator("[data-search-filters-fold]").evaluate((fold) => (fold as HTMLDetailsElement).open)).toBe(false);
        await page.getByText("Level, region and year").focus();
      };
      expect(await audit(`/search/?q=${encodeURIComponent(SEARCHABLE_WORD)}`, scheme, folded, { width: 390, height: 844 })).toEqual([]);
    });
  }

  it("catches a real violation (the audit itself works)", async () => {
    const context = await previewed.browser.newContext();
    const page = await context.newPage();
    await page.goto(previewed.origin + "/", { waitUntil: "networkidle" });
    await page.evaluate(() => document.querySelector("img, h1")?.closest("main")?.append(Object.assign(document.createElement("img"), { src: "/favicon.ico" })));
    await page.evaluate(axeSource);
    const ids = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a"] } })).violations.map((v) => v.id);
    });
    await context.close();
    expect(ids).toContain("image-alt");
  });
});
