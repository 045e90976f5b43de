import { parse } from "smol-toml";

export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/** Netlify's Cache-Control when no rule sets one: always revalidate. */
export const NETLIFY_DEFAULT_CACHE_CONTROL = "public, max-age=0, must-revalidate";

/** The `[[headers]]` blocks of a netlify.toml, in order. */
export function headerRules(toml: string): HeaderRule[] {
  const config = parse(toml) as { headers?: { for: string; values: Record<string, unknown> }[] };
  return (config.headers ?? []).map((rule) => ({
    for: rule.for,
    values: Object.fromEntries(Object.entries(rule.values).map(([name, value]) => [name, String(value)])),
  }));
}

/** Netlify's path patterns: `*` is a splat (any rest of the path), `:name` one segment. */
export function pathPattern(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z_]\w*)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

/**
 * The headers Netlify sends for a path: every matching rule applies, a later rule's value
 * replacing an earlier one's for the same header; Cache-Control falls back to Netlify's default.
 */
export function headersForPath(rules: readonly HeaderRule[], urlPath: string): Record<string, string> {
  const headers: Record<string, string> = { "Cache-Control": NETLIFY_DEFAULT_CACHE_CONTROL };
  for (const rule of rules) {
    if (pathPattern(rule.for).test(urlPath)) Object.assign(headers, rule.values);
  }
  return headers;
}
