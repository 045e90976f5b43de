import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/fixtureSite.ts";
import { headerRules, headersForPath } from "../../scripts/preview/netlifyHeaders.ts";
import { feedCatalogue } from "../../scripts/feeds/feedCatalogue.ts";

const toml = await readFile(path.join(PROJECT_ROOT, "netlify.toml"), "utf8");
const config = parse(toml) as {
  build: { command: string; publish: string; environment: Record<string, string> };
  plugins?: { package: string }[];
};
const rules = await headerRules(toml);
const headers = (urlPath: string) => headersForPath(rules, urlPath);

/** The CSP as a map of directive → sources. */
function csp(value: string): Map<string, string[]> {
  return new Map(
    value
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe("netlify.toml", () => {
  it("builds with npm run build into _site on Node 20", () => {
    expect(config.build.command).toBe("npm run build");
    expect(config.build.publish).toBe("_site");
    expect(config.build.environment["NODE_VERSION"]).toMatch(/^20/);
  });

  it("runs the local build plugins: WebSub after a deploy, and the share-card cache around the build", async () => {
    const plugins = (config.plugins ?? []).map((plugin) => plugin.package);
    expect(plugins).toEqual(["/netlify/plugins/websub", "/netlify/plugins/share-card-cache"]);
    const hooks = async (plugin: string) => Object.keys(await import(path.join(PROJECT_ROOT, plugin, "index.js"))).sort();
    expect(await hooks("/netlify/plugins/websub")).toEqual(["onSuccess"]);
    expect(await hooks("/netlify/plugins/share-card-cache")).toEqual(["onPostBuild", "onPreBuild"]);
    for (const plugin of plugins) expect(await readFile(path.join(PROJECT_ROOT, plugin, "manifest.yml"), "utf8")).toMatch(/^name: \S+/);
  });

  for (const page of ["/", "/articles/some-analysis/", "/404.html", "/search/", "/feeds/analyses.atom.xml", "/assets/css/site.css", "/embed/"]) {
    it(`sends a strict Content-Security-Policy and the security headers on ${page}`, () => {
      const h = headers(page);
      const policy = csp(h["Content-Security-Policy"] ?? "");
      expect(policy.get("default-src")).toEqual(["'none'"]);
      expect(policy.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy.get("style-src")).toEqual(["'self'"]);
      expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
      expect(policy.get("connect-src")).toEqual(["'self'"]);
      expect(policy.get("worker-src")).toEqual(["'self'"]);
      expect(policy.get("frame-src")).toEqual(["'self'"]);
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(h["X-Frame-Options"]).toBe("DENY");
      expect(policy.get("base-uri")).toEqual(["'self'"]);
      expect(policy.get("form-action")).toEqual(["'self'"]);
      expect(h["Content-Security-Policy"]).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);

      const hsts = /max-age=(\d+)/.exec(h["Strict-Transport-Security"] ?? "");
      expect(Number(hsts?.[1])).toBeGreaterThanOrEqual(31_536_000);
      expect(h["X-Content-Type-Options"]).toBe("nosniff");
      expect(h["Referrer-Policy"]).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
      expect(h["Permissions-Policy"]).toMatch(/camera=\(\)/);
      expect(h["Permissions-Policy"]).toMatch(/geolocation=\(\)/);
    });
  }

  it("sends the widget made to be framed the same headers, except that any site may frame it", () => {
    const page = headers("/");
    const widget = headers("/embed/widget/");
    const policy = csp(widget["Content-Security-Policy"] ?? "");
    expect(policy.get("frame-ancestors")).toEqual(["*"]);
    policy.delete("frame-ancestors");
    const strict = csp(page["Content-Security-Policy"] ?? "");
    strict.delete("frame-ancestors");
    expect(policy).toEqual(strict);
    expect(widget["X-Frame-Options"]).toBeUndefined();
    for (const name of ["Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]) expect(widget[name], name).toBe(page[name]);
  });

  const maxAge = (value: string | undefined) => Number(/max-age=(\d+)/.exec(value ?? "")?.[1] ?? Number.NaN);

  for (const fresh of ["/", "/articles/some-analysis/", "/history/", "/feeds/analyses.atom.xml", "/feeds/analyses.json", "/code.dat", "/api/level.json", "/pagefind/pagefind.js", "/pagefind/pagefind-entry.json"]) {
    it(`revalidates ${fresh} within minutes, so a level change reaches readers`, () => {
      const cache = headers(fresh)["Cache-Control"] ?? "";
      expect(cache).not.toContain("immutable");
      expect(maxAge(cache)).toBeLessThanOrEqual(300);
    });
  }

  for (const hashed of ["/assets/v/0123456789ab/site.css", "/cards/0123456789abcdef.png", "/pagefind/index/en_1a2b3c4.pf_index", "/pagefind/fragment/en_9f8e7d6.pf_fragment", "/pagefind/filter/en_0a1b2c3.pf_filter"]) {
    it(`keeps the content-addressed file ${hashed} for a year`, () => {
      const cache = headers(hashed)["Cache-Control"] ?? "";
      expect(cache).toContain("immutable");
      expect(maxAge(cache)).toBeGreaterThanOrEqual(31_536_000);
    });
  }

  // Every feed the site publishes (the catalogue the /feeds/ page lists), so a new one is not forgotten.
  const feeds = feedCatalogue().map((feed) => feed.url);
  it("names the six feeds of the catalogue", () => expect(feeds).toHaveLength(6));
  for (const open of ["/code.dat", "/api/level.json", "/api/levels.json", "/api/levels.csv", "/badge.svg", "/badge-dark.svg", "/assessments.ics", ...feeds]) {
    it(`lets other sites' pages fetch ${open} (CORS)`, () => {
      expect(headers(open)["Access-Control-Allow-Origin"]).toBe("*");
    });
  }

  it("does not open pages to other sites' scripts", () => {
    for (const page of ["/", "/history/", "/articles/some-analysis/", "/feeds/", "/search/"]) expect(headers(page)["Access-Control-Allow-Origin"], page).toBeUndefined();
  });

  it("serves the calendar as iCalendar, revalidated within a minute", () => {
    expect(headers("/assessments.ics")["Content-Type"]).toBe("text/calendar; charset=utf-8");
    expect(headers("/assessments.ics")["Cache-Control"]).toBe("public, max-age=60, must-revalidate");
  });

  it("serves the levels CSV as UTF-8 CSV with a header row", () => {
    expect(headers("/api/levels.csv")["Content-Type"]).toBe("text/csv; charset=utf-8; header=present");
  });
});
