import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { describeInBrowser } from "../helpers/browser.ts";
import { PROJECT_ROOT } from "../helpers/fixtureSite.ts";
import { previewedSite } from "./previewedSite.ts";

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

describeInBrowser("accessibility: axe-core, WCAG 2.1 AA, every page type, light and dark", () => {
  const previewed = previewedSite();
  let axeSource: string;

  beforeAll(async () => {
    axeSource = await readFile(path.join(PROJECT_ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  });

  async function audit(url: string, colorScheme: "light" | "dark"): Promise<string[]> {
    const context = await previewed.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(previewed.origin + url, { waitUntil: "networkidle" });
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
    for (const type of ["home", "analysis", "archive", "region", "levels", "404"]) expect([...previewed.pages.keys()]).toContain(type);
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no WCAG 2.1 AA violations in ${scheme} mode`, async () => {
      const found: Record<string, string[]> = {};
      for (const [type, url] of previewed.pages) {
        const violations = await audit(url, scheme);
        if (violations.length) found[`${type} ${url}`] = violations;
      }
      expect(found).toEqual({});
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
