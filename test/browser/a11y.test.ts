import { readFile } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPreviewServer } from "../../scripts/preview/previewServer.ts";
import { onePagePerType } from "../../scripts/preview/pagesByType.ts";
import { listen } from "../../scripts/preview/staticServer.ts";
import { describeInBrowser, launchChromium } from "../helpers/browser.ts";
import { PROJECT_ROOT, makeFixtureSite, validArticle, type FixtureSite } from "../helpers/fixtureSite.ts";

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

describeInBrowser("accessibility: axe-core, WCAG 2.1 AA, every page type, light and dark", () => {
  let site: FixtureSite;
  let server: Server;
  let origin: string;
  let browser: Browser;
  let pages: Map<string, string>;
  let axeSource: string;

  beforeAll(async () => {
    site = await makeFixtureSite({
      articles: {
        "korea-missile-tests": validArticle({ title: "Korea missile tests", body: "Korea launched missiles.\n\n## Why it matters\n\nText." }),
        "baltic-exercises": validArticle({ title: "Baltic exercises", date: "2024-06-01", regions: ["Eastern Europe"] }),
      },
    });
    const result = await site.build({ DEFCON_BUILD_DATE: "2026-06-01" });
    expect(result.output).toContain("✔ Built");
    server = await createPreviewServer({ root: site.output, netlifyToml: path.join(site.root, "netlify.toml") });
    origin = await listen(server);
    browser = await launchChromium();
    pages = await onePagePerType(site.output);
    axeSource = await readFile(path.join(PROJECT_ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await site?.remove();
  });

  async function audit(url: string, colorScheme: "light" | "dark"): Promise<string[]> {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(origin + url, { waitUntil: "networkidle" });
    // Evaluated over the DevTools protocol, so the page's CSP (no inline scripts) stays in force.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
      const results = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    });
    await context.close();
    return violations.map((v: AxeViolation) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")})`);
  }

  it("audits the page types of the built site", () => {
    for (const type of ["home", "analysis", "archive", "region", "levels", "404"]) expect([...pages.keys()]).toContain(type);
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no WCAG 2.1 AA violations in ${scheme} mode`, async () => {
      const found: Record<string, string[]> = {};
      for (const [type, url] of pages) {
        const violations = await audit(url, scheme);
        if (violations.length) found[`${type} ${url}`] = violations;
      }
      expect(found).toEqual({});
    });
  }

  it("catches a real violation (the audit itself works)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin + "/", { waitUntil: "networkidle" });
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
