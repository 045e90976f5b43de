import { describe, expect, it } from "vitest";
import { scanPage, srcsetUrls, cssUrls } from "../../scripts/gates/scanPage.ts";
import { resolveReference } from "../../scripts/gates/resolveReference.ts";
import { outputFileFor, pageTypeOf, urlPathOf } from "../../scripts/gates/outputPaths.ts";
import type { SiteContext } from "../../scripts/gates/gate.ts";

describe("scanPage", () => {
  const html = `<!doctype html><html lang="en"><head><title>Page · Site</title>
    <meta name="description" content="About it"><link rel="canonical" href="https://example.org/p/">
    <link rel="stylesheet" href="/a.css"><link rel="alternate" href="/feed.xml"></head>
    <body><h1 id="top">Title</h1><svg><title>Chart</title></svg>
    <a href="/b/#x" onclick="go()">b</a><a href=" java\tscript:alert(1)">x</a><a name="anchor"></a>
    <img src="/i.png" srcset="/i-1x.png 1x, /i-2x.png 2x" style="color: red">
    <script>inline()</script><script src="/s.js"></script><p hidden>secret</p><p>Shown &amp; read</p></body></html>`;
  const facts = scanPage(html);

  it("collects the head: one title (not the SVG's), description, canonical, lang", () => {
    expect(facts.titles).toEqual(["Page · Site"]);
    expect(facts.descriptions).toEqual(["About it"]);
    expect(facts.canonicals).toEqual(["https://example.org/p/"]);
    expect(facts.lang).toBe("en");
    expect(facts.h1Count).toBe(1);
  });

  it("tells resources (fetched by the browser) from links (followed by choice)", () => {
    const byUrl = Object.fromEntries(facts.references.map((r) => [r.url, r.kind]));
    expect(byUrl).toMatchObject({ "/a.css": "resource", "/feed.xml": "link", "/b/#x": "link", "/i.png": "resource", "/i-2x.png": "resource", "/s.js": "resource" });
  });

  it("finds inline code a strict CSP would block, however it is spelt", () => {
    expect(facts.inlineScripts).toBe(1);
    expect(facts.handlers).toEqual(["onclick on <a>"]);
    expect(facts.javascriptUrls).toHaveLength(1);
    expect(facts.inlineStyles).toEqual(["style attribute on <img>"]);
  });

  it("collects fragment targets and the visible text", () => {
    expect([...facts.ids].sort()).toEqual(["anchor", "top"]);
    expect(facts.visibleText).toContain("Shown & read");
    expect(facts.visibleText).not.toContain("secret");
    expect(facts.visibleText).not.toContain("inline()");
  });

  it("reads URLs out of srcset and CSS", () => {
    expect(srcsetUrls("/a.png 1x, /b.png 2x")).toEqual(["/a.png", "/b.png"]);
    expect(cssUrls(`/* url(/no.png) */ a { background: url("/yes.png") } @import '/more.css';`)).toEqual(["/yes.png", "/more.css"]);
  });
});

describe("resolving references against the output", () => {
  const site: SiteContext = {
    origin: "https://www.defconwarningsystem.com",
    firstPartyOrigins: new Set(["https://www.defconwarningsystem.com", "https://defcon.netlify.app"]),
    files: new Map([["index.html", 1], ["about/index.html", 1], ["404.html", 1], ["code.dat", 1]]),
    gzippedAssets: new Map(),
    cssDependencies: new Map(),
  };

  it("maps this site's URLs to output files the way Netlify serves them", () => {
    expect(resolveReference("/about/", "/", site)).toMatchObject({ kind: "internal", file: "about/index.html" });
    expect(resolveReference("/about", "/", site)).toMatchObject({ kind: "internal", file: "about/index.html" });
    expect(resolveReference("../code.dat#x", "/about/", site)).toMatchObject({ kind: "internal", file: "code.dat", fragment: "x" });
    expect(resolveReference("https://defcon.netlify.app/404.html", "/", site)).toMatchObject({ kind: "internal", file: "404.html" });
    expect(resolveReference("/missing/", "/", site)).toMatchObject({ kind: "internal", file: undefined });
  });

  it("recognises other origins and schemes that fetch nothing", () => {
    expect(resolveReference("https://cdn.example.com/x.js", "/", site)).toEqual({ kind: "external", origin: "https://cdn.example.com" });
    expect(resolveReference("//cdn.example.com/x.js", "/", site)).toEqual({ kind: "external", origin: "https://cdn.example.com" });
    expect(resolveReference("mailto:a@b.c", "/", site)).toEqual({ kind: "other", scheme: "mailto:" });
  });

  it("gives the same answer for a root-relative URL from any page, parsed once and remembered", () => {
    const first = resolveReference("/about/#team", "/", site);
    // The very same object, not an equal one: a second parse would build a new one.
    expect(resolveReference("/about/#team", "/x/y/", site)).toBe(first);
    expect(resolveReference("../about/#team", "/x/", site)).not.toBe(resolveReference("../about/#team", "/x/", site));
  });
});

describe("output paths", () => {
  it("names the URL and the page type of an output file", () => {
    expect(urlPathOf("index.html")).toBe("/");
    expect(urlPathOf("articles/x/index.html")).toBe("/articles/x/");
    expect(urlPathOf("404.html")).toBe("/404.html");
    expect(pageTypeOf("articles/x/index.html")).toBe("analysis");
    expect(pageTypeOf("articles/page/2/index.html")).toBe("archive");
    expect(pageTypeOf("regions/asia-pacific/index.html")).toBe("region");
    expect(pageTypeOf("history/index.html")).toBe("history");
    // A page below another is a type of its own, so the audits that take one page per type reach it.
    expect(pageTypeOf("embed/index.html")).toBe("embed");
    expect(pageTypeOf("embed/widget/index.html")).toBe("embed/widget");
  });

  it("does not answer a URL that nothing in the output serves", () => {
    expect(outputFileFor("/nope", new Set(["index.html"]))).toBeUndefined();
    expect(outputFileFor("/%E0%A4%A", new Set(["index.html"]))).toBeUndefined();
  });
});
