import type { SiteContext } from "./gate.ts";
import { outputFileFor } from "./outputPaths.ts";

export type Resolved =
  /** A URL on this site: `file` is the output file it lands on (undefined when none). */
  | { kind: "internal"; file: string | undefined; fragment: string; pathname: string }
  /** An http(s) URL on another origin. */
  | { kind: "external"; origin: string }
  /** data:, mailto:, tel: and other schemes that fetch nothing from a server. */
  | { kind: "other"; scheme: string }
  | { kind: "invalid" };

/** Root-relative URLs resolve the same from every page: remembered per site, they are parsed once. */
const rootRelative = new WeakMap<SiteContext, Map<string, Resolved>>();

/** Where a reference found on the page at URL path `fromUrl` leads. */
export function resolveReference(url: string, fromUrl: string, site: SiteContext): Resolved {
  // Most references ("/assets/css/site.css", "/articles/…/") start with one slash: the same
  // handful recur on all 4,000 pages, and URL parsing is the costly part.
  if (url.startsWith("/") && !url.startsWith("//")) {
    let cache = rootRelative.get(site);
    if (!cache) rootRelative.set(site, (cache = new Map()));
    let resolved = cache.get(url);
    if (!resolved) cache.set(url, (resolved = parseReference(url, fromUrl, site)));
    return resolved;
  }
  return parseReference(url, fromUrl, site);
}

function parseReference(url: string, fromUrl: string, site: SiteContext): Resolved {
  let parsed: URL;
  try {
    parsed = new URL(url, site.origin + fromUrl);
  } catch {
    return { kind: "invalid" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { kind: "other", scheme: parsed.protocol };
  if (!site.firstPartyOrigins.has(parsed.origin) && parsed.origin !== site.origin) return { kind: "external", origin: parsed.origin };
  const fragment = parsed.hash.replace(/^#/, "");
  return { kind: "internal", file: outputFileFor(parsed.pathname, site.files), fragment, pathname: parsed.pathname };
}
