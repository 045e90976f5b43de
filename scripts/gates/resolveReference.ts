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

/** Where a reference found in the output file `from` (URL path `fromUrl`) leads. */
export function resolveReference(url: string, fromUrl: string, site: SiteContext): Resolved {
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
