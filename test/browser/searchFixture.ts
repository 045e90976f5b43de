import type { Page } from "playwright-core";
import { createStaticServer, listen } from "../../scripts/preview/staticServer.ts";
import { validAnalysis, type AnalysisSpec } from "../helpers/fixtureSite.ts";

/** The strictest policy the site promises to work under: no inline script or style, no third party. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; connect-src 'self'; img-src 'self' data:";

/** Four analyses over three years, three regions and three levels (see ASSESSMENTS). */
export function searchCorpus(): Record<string, AnalysisSpec> {
  return {
    "korea-missile-tests": validAnalysis({
      title: "Missile tests over the Sea of Japan",
      date: "2017-04-12",
      regions: ["Asia-Pacific"],
      body: "Pyongyang launched another ballistic missile; the launch overflew Hokkaido.",
    }),
    "korea-summit": validAnalysis({
      title: "A summit in Singapore",
      date: "2018-06-13",
      regions: ["Asia-Pacific"],
      body: "Pyongyang and Washington met in Singapore; the missile launches have paused.",
    }),
    "ukraine-invasion": validAnalysis({
      title: "Russia invades Ukraine",
      date: "2022-03-14",
      regions: ["Eastern Europe"],
      body: "Moscow placed its deterrence forces on special alert after the invasion; Pyongyang applauded.",
    }),
    "kashmir-strikes": validAnalysis({
      title: "Strikes across the line of control",
      date: "2022-10-02",
      regions: ["South Asia"],
      body: "India and Pakistan exchanged artillery fire in Kashmir.",
    }),
  };
}

export const ASSESSMENTS = [
  { date: "2017-04-11", level: 4, reason: "Accelerating missile tests on the peninsula." },
  { date: "2022-03-13", level: 3, reason: "A nuclear-armed state is at war in Europe: the Kremlin's forces invaded.", article: "ukraine-invasion" },
  { date: "2022-09-01", level: 4, reason: "The front has stabilised." },
];

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Serves a built site on loopback with the strict CSP on every response. */
export async function serveWithStrictCsp(root: string): Promise<Served> {
  const server = createStaticServer({ root, headersFor: () => ({ "Content-Security-Policy": STRICT_CSP }) });
  const origin = await listen(server);
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Collects every Content-Security-Policy violation Chromium reports on a page. */
export function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** The result links Pagefind's component UI shows, in order. */
export async function resultLinks(page: Page): Promise<string[]> {
  return page.locator("pagefind-results a.pf-result-link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
}

/** Waits until the results list shows exactly the expected links (in any order). */
export async function waitForResults(page: Page, expected: string[]): Promise<void> {
  const sorted = [...expected].sort();
  await page.waitForFunction(
    (want) => {
      const got = [...document.querySelectorAll("pagefind-results a.pf-result-link")].map((a) => a.getAttribute("href")).sort();
      return JSON.stringify(got) === JSON.stringify(want);
    },
    sorted,
    { timeout: 10_000 },
  ).catch(async () => {
    throw new Error(`expected results ${JSON.stringify(sorted)}, got ${JSON.stringify((await resultLinks(page)).sort())}`);
  });
}
