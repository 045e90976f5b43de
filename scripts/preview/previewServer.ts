import type { Server } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { headerRules, headersForPath } from "./netlifyHeaders.ts";
import { parseRedirects, redirectFor } from "./netlifyRedirects.ts";
import { createStaticServer } from "./staticServer.ts";

export interface PreviewOptions {
  /** The built site, e.g. _site/. */
  root: string;
  /** The netlify.toml whose [[headers]] to apply. */
  netlifyToml: string;
}

/**
 * The built site served as Netlify serves it: netlify.toml's headers on every response and the
 * site's own _redirects applied. Browser tests use it, so they run under the real CSP.
 */
export async function createPreviewServer({ root, netlifyToml }: PreviewOptions): Promise<Server> {
  const rules = await headerRules(await readFile(netlifyToml, "utf8"));
  const redirects = parseRedirects(await readFile(path.join(root, "_redirects"), "utf8").catch(() => ""));
  return createStaticServer({
    root,
    headersFor: (urlPath) => headersForPath(rules, urlPath),
    redirectFor: (urlPath) => redirectFor(redirects, urlPath),
  });
}
