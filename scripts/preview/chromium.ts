import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserServer } from "playwright-core";

/** Debian's Chromium (apt-get install -y chromium); playwright cannot download its own here. */
export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** How Chromium is started for tests and measurements: headless, kept off the network except loopback. */
const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM_PATH,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
  ],
};

/** Headless Chromium for tests and measurements, kept off the network except loopback. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(LAUNCH_OPTIONS);
}

/** The same Chromium, started as a server that several processes connect to (`chromium.connect`). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH_OPTIONS);
}
