import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../scripts/gates/runGates.ts";
import { headerRules, headersForPath, rulesFor, type HeaderRule } from "../../scripts/preview/netlifyHeaders.ts";
import { makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";

/**
 * netlify.toml's headers for every file a real build writes, under every address it is served at,
 * matched by Netlify's own parser. When two matching rules set one header, Netlify's CLI keeps
 * the later value and production is reported to send both; the rules are written so that the
 * question never arises, and what each address gets is the same either way.
 */

const WIDGET = "embed/widget/index.html";
/** The editors' CMS and its files: the only addresses with a policy of their own (Decap needs 'unsafe-eval'). */
const isCms = (url: string): boolean => url === "/admin" || url.startsWith("/admin/");
/** Where the CMS may connect: this origin, decap-server on the editor's machine (`npm run cms`), GitHub's API. */
const CMS_CONNECT_SRC = "'self' http://localhost:8081 https://api.github.com";

/** The addresses Netlify serves a file at: x/index.html is also /x/ and /x. */
function addressesOf(file: string): string[] {
  if (file === "index.html") return ["/", "/index.html"];
  if (file.endsWith("/index.html")) {
    const folder = `/${file.slice(0, -"/index.html".length)}`;
    return [`${folder}/`, folder, `/${file}`];
  }
  return [`/${file}`];
}

/** Each header that more than one rule matching `url` sets, with those rules' paths. */
function clashes(rules: readonly HeaderRule[], url: string): string[] {
  const setters = new Map<string, string[]>();
  for (const rule of rulesFor(rules, url)) {
    for (const name of Object.keys(rule.values)) setters.set(name.toLowerCase(), [...(setters.get(name.toLowerCase()) ?? []), rule.for]);
  }
  return [...setters].filter(([, paths]) => paths.length > 1).map(([name, paths]) => `${url}: ${name} is set by ${paths.map((p) => `"${p}"`).join(" and ")}`);
}

/** The directives of a CSP, each with its sources. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => [part.split(/\s+/)[0]!, part.slice(part.split(/\s+/)[0]!.length).trim()]),
  );
}

/** The header `name` (any letter case) of `headers`, if sent. */
function header(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

describe("netlify.toml's headers on every file of a real build", () => {
  let site: FixtureSite;
  let rules: HeaderRule[];
  /** Every address of every built file, and the file. */
  const addresses = new Map<string, string>();

  beforeAll(async () => {
    site = await makeFixtureSite({
      analyses: {
        "korea-missile-tests": validAnalysis({ title: "Korea missile tests" }),
        "baltic-exercises": validAnalysis({ title: "Baltic exercises", date: "2024-06-01", regions: ["Eastern Europe"] }),
      },
    });
    const result = await site.build({ DEFCON_BUILD_DATE: "2026-06-01" });
    expect(result.code, result.output).toBe(0);
    rules = await headerRules(await readFile(path.join(site.root, "netlify.toml"), "utf8"));
    for (const file of await listFiles(site.output)) for (const url of addressesOf(file)) addresses.set(url, file);
  });
  afterAll(() => site?.remove());

  it("covers the widget, pages, an analysis, the stylesheet, feeds and the search index", () => {
    for (const url of ["/embed/widget/", "/embed/", "/articles/baltic-exercises/", "/feeds/levels.atom.xml", "/sw.js"]) expect(addresses.has(url), url).toBe(true);
    expect([...addresses.keys()].some((url) => url.startsWith("/assets/v/"))).toBe(true);
    expect([...addresses.keys()].some((url) => url.startsWith("/pagefind/index/"))).toBe(true);
  });

  it("never has two matching rules set the same header, so Netlify's overriding and combining agree", () => {
    expect([...addresses.keys()].flatMap((url) => clashes(rules, url))).toEqual([]);
  });

  it("sends exactly one Content-Security-Policy everywhere, from exactly one rule", () => {
    const problems: string[] = [];
    for (const url of addresses.keys()) {
      const setters = rulesFor(rules, url).filter((rule) => Object.keys(rule.values).some((name) => name.toLowerCase() === "content-security-policy"));
      if (setters.length !== 1) {
        const [, name, below] = url.split("/");
        const rule = below === undefined ? `/${name}` : `/${name}/*`;
        problems.push(setters.length === 0 ? `${url}: no rule sets a Content-Security-Policy (add "${rule}" to netlify.toml)` : `${url}: ${setters.length} rules set it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("lets other sites frame the widget and nothing else", () => {
    const problems: string[] = [];
    for (const [url, file] of addresses) {
      const sent = headersForPath(rules, url);
      const framing = directives(header(sent, "Content-Security-Policy") ?? "").get("frame-ancestors");
      const xFrameOptions = header(sent, "X-Frame-Options");
      if (file === WIDGET) {
        if (framing !== "*") problems.push(`${url} (the widget): frame-ancestors is ${framing}`);
        // With frame-ancestors, browsers ignore X-Frame-Options; older ones would obey a DENY.
        if (xFrameOptions !== undefined) problems.push(`${url} (the widget): sends X-Frame-Options ${xFrameOptions}`);
      } else {
        if (framing !== "'none'") problems.push(`${url}: frame-ancestors is ${framing}`);
        if (xFrameOptions !== "DENY") problems.push(`${url}: X-Frame-Options is ${xFrameOptions}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives every page the one strict policy, and the widget the same with framing allowed", () => {
    const policies = new Map<string, string[]>();
    for (const [url, file] of addresses) {
      if (isCms(url)) continue;
      const directivesSent = directives(header(headersForPath(rules, url), "Content-Security-Policy") ?? "");
      // The widget's policy must be the others' but for framing: compare them with it left out.
      directivesSent.delete("frame-ancestors");
      const key = [...directivesSent].map(([name, sources]) => `${name} ${sources}`).join("; ");
      policies.set(key, [...(policies.get(key) ?? []), file === WIDGET ? `${url} (widget)` : url]);
    }
    expect(policies.size, [...policies].map(([policy, urls]) => `${policy}\n  on ${urls.slice(0, 5).join(", ")}`).join("\n")).toBe(1);
    const [policy] = policies.keys();
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-src 'self'");
  });

  it("gives the CMS at /admin/ and its files their own policy, with 'unsafe-eval', and nothing else gets it", () => {
    const cms = [...addresses.keys()].filter(isCms);
    expect(cms).toEqual(expect.arrayContaining(["/admin/", "/admin", "/admin/index.html", "/admin/config.yml", "/admin/decap-cms.js"]));
    const problems: string[] = [];
    for (const url of addresses.keys()) {
      const policy = directives(header(headersForPath(rules, url), "Content-Security-Policy") ?? "");
      const evaluates = (policy.get("script-src") ?? "").split(/\s+/).includes("'unsafe-eval'");
      if (evaluates !== isCms(url)) problems.push(`${url}: script-src ${policy.get("script-src")}`);
      if (isCms(url)) {
        if (policy.get("connect-src") !== CMS_CONNECT_SRC) problems.push(`${url}: connect-src ${policy.get("connect-src")}`);
        if (policy.get("default-src") !== "'none'") problems.push(`${url}: default-src ${policy.get("default-src")}`);
        if (header(headersForPath(rules, url), "X-Robots-Tag") !== "noindex") problems.push(`${url}: not noindex`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("keeps the strict policy on missing addresses below a folder, and never gives a missing address the CMS's", () => {
    for (const missing of ["/articles/no-such-analysis/", "/about/no-such-page", "/embed/index.html"]) {
      const sent = headersForPath(rules, missing);
      expect(directives(header(sent, "Content-Security-Policy") ?? "").get("frame-ancestors"), missing).toBe("'none'");
      expect(header(sent, "X-Frame-Options"), missing).toBe("DENY");
      expect(clashes(rules, missing), missing).toEqual([]);
    }
    // A rule for any one segment would match /admin/ too (netlify.toml says why): a missing
    // top-level address gets the static 404 page with no policy, and never the CMS's.
    for (const missing of ["/no-such-page", "/no-such-page/", "/administrator", "/admin.php"]) {
      expect(header(headersForPath(rules, missing), "Content-Security-Policy"), missing).toBeUndefined();
    }
  });
});

describe("the check for clashing rules", () => {
  it("finds the clashes of one policy on /* beside the widget's, and of /<folder>/* beside /:page", async () => {
    const rules = await headerRules(`
      [[headers]]
        for = "/*"
        [headers.values]
          Content-Security-Policy = "frame-ancestors 'none'"
      [[headers]]
        for = "/embed/widget/"
        [headers.values]
          Content-Security-Policy = "frame-ancestors *"
      [[headers]]
        for = "/:page"
        [headers.values]
          X-Frame-Options = "DENY"
      [[headers]]
        for = "/about/*"
        [headers.values]
          X-Frame-Options = "DENY"
    `);
    expect(clashes(rules, "/embed/widget/")).toEqual([`/embed/widget/: content-security-policy is set by "/*" and "/embed/widget/"`]);
    expect(clashes(rules, "/about/")).toEqual([`/about/: x-frame-options is set by "/:page" and "/about/*"`]);
    expect(clashes(rules, "/about/index.html")).toEqual([]);
    // What production is reported to send: both policies, so the stricter one wins in the browser.
    expect(headersForPath(rules, "/embed/widget/")["Content-Security-Policy"]).toBe("frame-ancestors 'none', frame-ancestors *");
  });
});
