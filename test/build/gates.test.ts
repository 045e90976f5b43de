import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureSite, validAnalysis, type BuildResult, type FixtureSite } from "../helpers/fixtureSite.ts";

const BUILD_DATE = { DEFCON_BUILD_DATE: "2026-06-01" };

/** A page in the fixture's site/ folder, laid out by the real base layout. */
function page(permalink: string, title: string, body: string, extra = ""): string {
  return `---\nlayout: layouts/base.njk\ntitle: ${JSON.stringify(title)}\ndescription: A test page.\npermalink: ${permalink}\n${extra}---\n${body}\n`;
}

/** Text that gzip cannot shrink much: a deterministic chain of hashes, in base64. */
function incompressible(bytes: number): string {
  const parts: string[] = [];
  for (let i = 0, length = 0; length < bytes; i++) {
    const part = createHash("sha256").update(String(i)).digest("base64").replace(/[+/=]/g, "x");
    parts.push(part);
    length += part.length + 1;
  }
  return parts.join(" ");
}

describe("the gates refuse a site that breaks their rules", () => {
  let site: FixtureSite;
  let result: BuildResult;

  beforeAll(async () => {
    site = await makeFixtureSite({
      analyses: { "a-real-analysis": validAnalysis({ title: "A real analysis", body: "## Section one\n\nText." }) },
      files: {
        "site/bait/links.njk": page(
          "/bait/links/",
          "Links bait",
          `<h1>Links</h1>
<p><a href="/no-such-page/">dead</a> <a href="/articles/a-real-analysis/#no-such-section">bad fragment</a>
<a href="/articles/a-real-analysis/#section-one">good fragment</a> <a href="#nowhere-here">bad local fragment</a>
<img src="/assets/missing.png" alt="missing picture"> <a href="https://example.org/">outbound is fine</a></p>`,
        ),
        "site/bait/third.njk": page(
          "/bait/third/",
          "Third-party bait",
          `<h1>Third</h1><img src="https://tracker.example.com/pixel.gif" alt="">
<link rel="stylesheet" href="https://fonts.example.net/css">`,
        ),
        "site/bait/inline.njk": page(
          "/bait/inline/",
          "Inline bait",
          `<h1>Inline</h1><script>alert(1)</script><button onclick="alert(2)">x</button>
<a href="javascript:alert(3)">x</a><p style="color:red">red</p>`,
        ),
        "site/bait/head.njk": `---\npermalink: /bait/head/\n---\n<!doctype html><html><head><title>Links bait</title></head><body><h1>One</h1><h1>Two</h1></body></html>\n`,
        "site/bait/dupe.njk": page("/bait/dupe/", "Links bait", "<h1>Same title as the links page</h1>"),
        "site/bait/heavy.njk": page("/bait/heavy/", "Heavy bait", `<h1>Heavy</h1><p>${incompressible(250 * 1024)}</p>`),
      },
    });
    result = await site.build(BUILD_DATE);
  });
  afterAll(() => site.remove());

  const failure = (path: string, gate: string, text: string) =>
    expect(result.stderr).toContain(`_site.tmp/${path} [${gate}]: ${text}`);

  it("fails the build and publishes nothing", () => {
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/page problem\(s\); nothing was published/);
    expect(site.exists("index.html")).toBe(false);
  });

  it("links: dead links, missing images and missing fragments, not outbound links", () => {
    failure("bait/links/index.html", "links", "links to /no-such-page/ (<a href>), but nothing in the output is at /no-such-page/");
    failure("bait/links/index.html", "links", "links to /assets/missing.png (<img src>), but nothing in the output is at /assets/missing.png");
    failure(
      "bait/links/index.html",
      "links",
      'links to /articles/a-real-analysis/#no-such-section (<a href>), but articles/a-real-analysis/index.html has no element with id="no-such-section"',
    );
    failure("bait/links/index.html", "links", 'links to #nowhere-here (<a href>), but bait/links/index.html has no element with id="nowhere-here"');
    expect(result.stderr).not.toContain("#section-one");
    expect(result.stderr).not.toContain("example.org");
  });

  it("third-party: resources from other origins", () => {
    failure("bait/third/index.html", "third-party", "loads https://tracker.example.com/pixel.gif (<img src>) from the third-party origin https://tracker.example.com");
    failure("bait/third/index.html", "third-party", "loads https://fonts.example.net/css (<link href>) from the third-party origin https://fonts.example.net");
  });

  it("inline-code: scripts, handlers, javascript: URLs and inline styles", () => {
    failure("bait/inline/index.html", "inline-code", "has 1 inline <script> element(s)");
    failure("bait/inline/index.html", "inline-code", "has inline event handler(s) (onclick on <button>)");
    failure("bait/inline/index.html", "inline-code", 'has javascript: URL(s) (<a href="javascript:alert(3)">)');
    failure("bait/inline/index.html", "inline-code", "has inline styles (style attribute on <p>)");
  });

  it("head: description, canonical, lang and one <h1>", () => {
    failure("bait/head/index.html", "head", 'has no <meta name="description">');
    failure("bait/head/index.html", "head", 'has no <link rel="canonical">');
    failure("bait/head/index.html", "head", "has no lang on <html>");
    failure("bait/head/index.html", "head", "has 2 <h1> elements; a page needs exactly one");
  });

  it("unique-title: two pages with one title", () => {
    expect(result.stderr).toMatch(/bait\/(dupe|links)\/index\.html \[unique-title\]: has the same <title> as bait\/(dupe|links)\/index\.html: "Links bait · /);
  });

  it("budget: a page over 100 KB", () => {
    expect(result.stderr).toMatch(/bait\/heavy\/index\.html \[budget\]: needs \d+\.\d KB before search is used .*the budget is 100\.0 KB/);
  });
});

describe("the home page budget", () => {
  it("refuses a home page whose HTML and CSS exceed 14 KB gzipped", async () => {
    const site = await makeFixtureSite({ files: { "site/assets/css/zz-heavy.css": `/* ${incompressible(20 * 1024)} */` } });
    try {
      // The extra stylesheet only counts when the home page loads it.
      const base = await import("node:fs/promises").then((fs) => fs.readFile(`${site.root}/_includes/layouts/base.njk`, "utf8"));
      await site.write(
        "_includes/layouts/base.njk",
        base.replace("</head>", '{% if page.url == "/" %}<link rel="stylesheet" href="/assets/css/zz-heavy.css">{% endif %}\n</head>'),
      );
      const result = await site.build(BUILD_DATE);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/_site\.tmp\/index\.html \[budget\]: the home page's HTML and CSS are \d+\.\d KB gzipped .*the budget is 14\.0 KB/);
    } finally {
      await site.remove();
    }
  });
});

describe("raw HTML in Markdown never reaches a reader", () => {
  it("shows an editor's <script> and onclick as text, and the build passes the gates", async () => {
    const site = await makeFixtureSite({
      analyses: {
        "raw-html": validAnalysis({
          title: "Raw HTML attempt",
          body: 'Before.\n\n<script>alert("x")</script>\n\n<img src=x onerror="alert(1)">\n\n[click](javascript:alert(1))\n\nAfter.',
        }),
      },
    });
    try {
      const result = await site.build(BUILD_DATE);
      expect(result.output).not.toMatch(/\[inline-code\]/);
      const html = await site.read("articles/raw-html/index.html").catch(() => "");
      if (result.code === 0) {
        expect(html).not.toMatch(/<script>alert/);
        expect(html).toContain("&lt;script&gt;alert");
        expect(html).not.toMatch(/<img src=x/);
        expect(html).not.toContain('href="javascript:');
      }
      expect(result.code).toBe(0);
    } finally {
      await site.remove();
    }
  });
});

describe("the build summary", () => {
  it("prints each page type's weight", async () => {
    const site = await makeFixtureSite();
    try {
      const result = await site.build(BUILD_DATE);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Page weights, gzipped, heaviest of each type");
      for (const type of ["home", "analysis", "archive", "region", "levels", "404"]) {
        expect(result.stdout).toMatch(new RegExp(`^  ${type} +\\d+\\.\\d KB +\\(HTML \\d+\\.\\d KB \\+ CSS \\d+\\.\\d KB`, "m"));
      }
    } finally {
      await site.remove();
    }
  });
});
