/**
 * `npm run preview`: serves the last build (_site/) on http://127.0.0.1:8080 (or $PORT) with the
 * headers from netlify.toml and the redirects from _site/_redirects, as Netlify would.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { createPreviewServer } from "./preview/previewServer.ts";
import { listen } from "./preview/staticServer.ts";

const root = path.resolve("_site");
if (!existsSync(root)) {
  console.error("✖ There is no _site/ to preview; run `npm run build` first.");
  process.exit(1);
}
const server = await createPreviewServer({ root, netlifyToml: path.resolve("netlify.toml") });
const origin = await listen(server, Number(process.env["PORT"] ?? 8080));
console.log(`Previewing _site/ at ${origin} with netlify.toml's headers and _redirects (Ctrl+C to stop).`);
