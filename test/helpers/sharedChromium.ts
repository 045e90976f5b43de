/**
 * One Chromium for a whole test run, started the first time a browser test asks for it
 * (`GET` on `url` answers the address to connect to) and stopped after the last test file. Each
 * test file connects to it (test/helpers/browser.ts) and works in browser contexts of its own,
 * which share nothing with other files' (cookies, storage, caches, service workers); Chromium is
 * then started once per run instead of once per file, about a second and a half of processor
 * time each.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserServer } from "playwright-core";
import { launchChromiumServer } from "../../scripts/preview/chromium.ts";

export interface SharedChromium {
  url: string;
  close(): Promise<void>;
}

export async function startSharedChromium(): Promise<SharedChromium> {
  let starting: Promise<BrowserServer> | undefined;
  const server = createServer(async (_request, response) => {
    try {
      starting ??= launchChromiumServer();
      response.writeHead(200, { "content-type": "text/plain" }).end((await starting).wsEndpoint());
    } catch (error) {
      starting = undefined;
      response.writeHead(500, { "content-type": "text/plain" }).end(`Chromium did not start: ${String(error)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const browser = await starting?.catch(() => undefined);
      await browser?.close();
    },
  };
}
