import type { BrowserContext } from "playwright-core";

/**
 * Collects, for every page of `context`, CSP violations and requests to any origin other than
 * `origin` (the service worker's included): the returned list fills as pages load.
 */
export async function watchForViolations(context: BrowserContext, origin: string): Promise<string[]> {
  const problems: string[] = [];
  context.on("console", (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  context.on("request", (request) => {
    const requested = new URL(request.url());
    if (!["data:", "blob:"].includes(requested.protocol) && requested.origin !== origin) problems.push(`request to ${request.url()}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Refused to load (securitypolicyviolation): ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}
