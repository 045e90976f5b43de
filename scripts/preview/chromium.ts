import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserServer } from "playwright-core";

/**
 * Debian's builds of Chromium (playwright cannot download its own here):
 * - the full browser (`apt-get install -y chromium`), a reader's Chromium: measurements of what a
 *   reader waits for run in it;
 * - the headless shell (`apt-get install -y chromium-headless-shell`), Chromium's headless mode as a
 *   program of its own, which is what Playwright runs headless tests in by default: the same Blink,
 *   V8 and network stack, without the full browser's interface. The browser tests take about a
 *   quarter less processor time in it (docs/performance.md); without it they run in the full
 *   browser.
 * `CHROMIUM_PATH` chooses one program for both.
 */
const FULL_BROWSER = "/usr/bin/chromium";
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const chosen = process.env["CHROMIUM_PATH"];

/** The Chromium measurements run in. */
export const CHROMIUM_PATH = chosen ?? FULL_BROWSER;
/** The Chromium the browser tests run in. */
export const TEST_CHROMIUM_PATH = chosen ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_BROWSER);
export const testChromiumAvailable = existsSync(TEST_CHROMIUM_PATH);

/** How Chromium is started for tests and measurements: headless, kept off the network except loopback. */
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
];

/** Headless Chromium for measurements, kept off the network except loopback. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
}

/** Headless Chromium for the tests, started as a server that several processes connect to (`chromium.connect`). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: TEST_CHROMIUM_PATH, args: LAUNCH_ARGS });
}
