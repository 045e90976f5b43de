import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from "../../scripts/preview/chromium.ts";
import { describeWithTool } from "./requiredTool.ts";

export { CHROMIUM_PATH, chromiumAvailable, launchChromium };

/** `describe` for tests that need Chromium: skipped loudly without it, failed under CI=true. */
export function describeInBrowser(name: string, body: () => void): void {
  describeWithTool(
    { name: `Chromium (at ${CHROMIUM_PATH})`, available: chromiumAvailable, install: "apt-get install -y chromium, or set CHROMIUM_PATH" },
    name,
    body,
  );
}
