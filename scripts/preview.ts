/**
 * `npm run preview`: serves the last build (_site/) on http://127.0.0.1:8080 (or $PORT) with the
 * headers from netlify.toml and the redirects from _site/_redirects, as Netlify would.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ifNoBuildIsRunning } from "./build/buildLock.ts";
import { asideOf, recoverInterruptedSwap } from "./build/swapOutput.ts";
import { createPreviewServer } from "./preview/previewServer.ts";
import { listen } from "./preview/staticServer.ts";

const root = path.resolve("_site");
// A build killed between the two renames of its swap leaves the last site in _site.old/: put it
// back, unless a build is running (finishing the swap is then that build's business).
if (!existsSync(root) && existsSync(asideOf(root))) await ifNoBuildIsRunning(process.cwd(), () => recoverInterruptedSwap(root));
if (!existsSync(root)) {
  console.error(
    existsSync(asideOf(root))
      ? "✖ There is no _site/ at this moment: a build is publishing it (or was killed moments ago); try again shortly."
      : "✖ There is no _site/ to preview; run `npm run build` first.",
  );
  process.exit(1);
}
const server = await createPreviewServer({ root, netlifyToml: path.resolve("netlify.toml") });
const origin = await listen(server, Number(process.env["PORT"] ?? 8080));
console.log(`Previewing _site/ at ${origin} with netlify.toml's headers and _redirects (Ctrl+C to stop).`);
