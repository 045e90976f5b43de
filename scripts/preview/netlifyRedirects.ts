export interface Redirect {
  from: string;
  to: string;
  status: number;
}

/** The rules of a Netlify `_redirects` file: "from to [status]" per line, # for comments. */
export function parseRedirects(text: string): Redirect[] {
  return text
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter((line) => line !== "")
    .map((line) => {
      const [from = "", to = "", status = "301"] = line.split(/\s+/);
      return { from, to, status: Number.parseInt(status, 10) };
    });
}

/** Netlify matches a rule with or without the trailing slash. */
function samePath(a: string, b: string): boolean {
  const strip = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") : p);
  return strip(a) === strip(b);
}

/** The first rule for a path (Netlify: first match wins), if any. */
export function redirectFor(rules: readonly Redirect[], urlPath: string): Redirect | undefined {
  return rules.find((rule) => samePath(rule.from, urlPath));
}
