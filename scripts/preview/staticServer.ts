import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "text/xsl; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".dat": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
};

export interface StaticServerOptions {
  /** The built site, e.g. _site/. */
  root: string;
  /** Extra response headers for a request path (the preview applies netlify.toml's here). */
  headersFor?: (urlPath: string) => Record<string, string>;
  /** A redirect for a request path (the preview applies _redirects here); files shadow redirects, as on Netlify. */
  redirectFor?: (urlPath: string) => { to: string; status: number } | undefined;
}

/** Resolves a URL path to a file the way Netlify does: `/x/` → `/x/index.html`, `/x` → `/x.html`. */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const base = path.join(root, clean);
  if (!base.startsWith(path.resolve(root))) return undefined;
  const candidates = clean.endsWith("/") ? [path.join(base, "index.html")] : [base, path.join(base, "index.html"), `${base}.html`];
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

/** A small static server on loopback for previews and browser tests. Serves 404.html for misses. */
export function createStaticServer({ root, headersFor = () => ({}), redirectFor = () => undefined }: StaticServerOptions): Server {
  const absoluteRoot = path.resolve(root);
  return createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const file = await resolveFile(absoluteRoot, url.pathname);
    const redirect = file ? undefined : redirectFor(url.pathname);
    if (redirect) {
      response.writeHead(redirect.status, { Location: redirect.to, "Content-Length": 0, ...headersFor(url.pathname) });
      response.end();
      return;
    }
    const status = file ? 200 : 404;
    const served = file ?? path.join(absoluteRoot, "404.html");
    const body = await readFile(served).catch(() => Buffer.from("Not found"));
    response.writeHead(status, {
      "Content-Type": TYPES[path.extname(served)] ?? "application/octet-stream",
      "Content-Length": body.length,
      ...headersFor(url.pathname),
    });
    response.end(request.method === "HEAD" ? undefined : body);
  });
}

/** Starts a server on 127.0.0.1 (port 0 picks a free one) and returns its origin. */
export function listen(server: Server, port = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") return reject(new Error("no address"));
      resolve(`http://127.0.0.1:${address.port}`);
    });
  });
}
