import { parseAllHeaders, type Header, type MinimalHeader } from "@netlify/headers-parser";
import { parse } from "smol-toml";

/**
 * One `[[headers]]` block as Netlify reads it: its values, and the RegExp Netlify's own parser
 * makes of its `for` (`:name` is one segment, a standalone `*` anything below the folder or
 * nothing, a trailing slash optional, letter case ignored).
 */
export type HeaderRule = Header;

/** Netlify's Cache-Control when no rule sets one: always revalidate. */
export const NETLIFY_DEFAULT_CACHE_CONTROL = "public, max-age=0, must-revalidate";

/**
 * The `[[headers]]` blocks of a netlify.toml, in order, validated and normalised by
 * @netlify/headers-parser, so that paths match here exactly as they match on Netlify. A block
 * Netlify would reject is an error here, not a rule silently missing from the preview.
 */
export async function headerRules(toml: string): Promise<HeaderRule[]> {
  const config = parse(toml) as { headers?: MinimalHeader[] };
  const { headers, errors } = await parseAllHeaders({ headersFiles: [], configHeaders: config.headers ?? [], minimal: false });
  if (errors.length > 0) throw new Error(`netlify.toml's [[headers]]: ${errors.map((error) => error.message).join("; ")}`);
  return headers as HeaderRule[];
}

/** The rules whose `for` matches a request path, in the file's order. */
export function rulesFor(rules: readonly HeaderRule[], urlPath: string): HeaderRule[] {
  return rules.filter((rule) => rule.forRegExp.test(urlPath));
}

/**
 * The headers Netlify sends for a path. When two matching rules set the same header, Netlify's
 * CLI keeps the later value but production is reported to send both, comma-joined; this does as
 * production does, so that such a clash shows in the browser tests as it would on the site (two
 * Content-Security-Policies are both enforced). netlify.toml itself avoids the question: no two
 * rules that match one path set the same header (test/build/servedHeaders.test.ts).
 * Cache-Control falls back to Netlify's default.
 */
export function headersForPath(rules: readonly HeaderRule[], urlPath: string): Record<string, string> {
  const headers: Record<string, string> = {};
  // Header names are case-insensitive: "cache-control" in one rule is Cache-Control in another.
  const nameOf = new Map<string, string>();
  for (const rule of rulesFor(rules, urlPath)) {
    for (const [name, value] of Object.entries(rule.values)) {
      const known = nameOf.get(name.toLowerCase());
      if (known === undefined) {
        nameOf.set(name.toLowerCase(), name);
        headers[name] = value;
      } else {
        headers[known] = `${headers[known]}, ${value}`;
      }
    }
  }
  if (!nameOf.has("cache-control")) headers["Cache-Control"] = NETLIFY_DEFAULT_CACHE_CONTROL;
  return headers;
}
