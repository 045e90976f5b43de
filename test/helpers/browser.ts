import { chromium, type Browser } from "playwright-core";
import { inject } from "vitest";
import { TEST_CHROMIUM_PATH, testChromiumAvailable } from "../../scripts/preview/chromium.ts";
import { describeWithTool } from "./requiredTool.ts";

/** `describe` for tests that need Chromium: skipped loudly without it, failed under CI=true. */
export function describeInBrowser(name: string, body: () => void): void {
  describeWithTool(
    {
      name: `Chromium (at ${TEST_CHROMIUM_PATH})`,
      available: testChromiumAvailable,
      install: "apt-get install -y chromium-headless-shell (or chromium), or set CHROMIUM_PATH",
    },
    name,
    body,
  );
}

/**
 * The test run's Chromium (test/helpers/sharedChromium.ts), connected to from this test file.
 * Work in contexts of the file's own (`browser.newContext()`); `browser.close()` closes them and
 * disconnects, leaving Chromium to the other files.
 */
export async function openChromium(): Promise<Browser> {
  const response = await fetch(inject("chromiumUrl"));
  if (!response.ok) throw new Error(await response.text());
  return chromium.connect(await response.text());
}
