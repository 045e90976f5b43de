import type { Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPreviewServer } from "../../scripts/preview/previewServer.ts";
import { listen } from "../../scripts/preview/staticServer.ts";
import { analysisFile, makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";

const BUILD_DATE = { DEFCON_BUILD_DATE: "2026-06-01" };

describe("aliases become 301s, served through the preview server", () => {
  let site: FixtureSite;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    site = await makeFixtureSite({
      analyses: {
        "korea-tests": validAnalysis({ title: "Korea tests", extra: 'aliases: ["/2024/05/18/korea-tests/", "/old-korea"]' }),
        "other-analysis": validAnalysis({ title: "Other analysis" }),
      },
    });
    const result = await site.build(BUILD_DATE);
    expect(result.output).toContain("✔ Built");
    server = await createPreviewServer({ root: site.output, netlifyToml: path.join(site.root, "netlify.toml") });
    origin = await listen(server);
  });
  afterAll(async () => {
    server?.close();
    await site.remove();
  });

  it("writes _redirects for Netlify", async () => {
    const text = await site.read("_redirects");
    expect(text).toContain("/2024/05/18/korea-tests/ /articles/korea-tests/ 301");
    expect(text).toContain("/old-korea /articles/korea-tests/ 301");
  });

  for (const [alias, variant] of [["/2024/05/18/korea-tests/", "/2024/05/18/korea-tests"], ["/old-korea", "/old-korea/"]] as const) {
    it(`answers ${alias} (and ${variant}) with a 301 to the analysis`, async () => {
      for (const url of [alias, variant]) {
        const response = await fetch(origin + url, { redirect: "manual" });
        expect(response.status, url).toBe(301);
        expect(response.headers.get("location")).toBe("/articles/korea-tests/");
      }
      const followed = await fetch(origin + alias);
      expect(followed.status).toBe(200);
      expect(await followed.text()).toContain("<h1>Korea tests</h1>");
    });
  }

  it("serves pages with netlify.toml's headers, and the custom 404 page with status 404", async () => {
    const home = await fetch(origin + "/");
    expect(home.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(home.headers.get("strict-transport-security")).toMatch(/max-age=\d{8}/);
    const missing = await fetch(origin + "/no/such/page/");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Page not found");
  });
});

describe("aliases that cannot work stop the build", () => {
  it("names the file and the field of a clash with a page or another alias, and of a malformed alias", async () => {
    const site = await makeFixtureSite({
      analyses: {
        "first-one": validAnalysis({ title: "First", extra: 'aliases: ["/old/one/"]' }),
        "second-one": validAnalysis({ title: "Second", extra: 'aliases: ["/about/", "/old/one"]' }),
      },
    });
    try {
      const result = await site.build(BUILD_DATE);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(
        'site/articles/second-one.md › field "aliases[0]": "/about/" is the address of a page on the site; an alias must be an address that no longer exists',
      );
      expect(result.stderr).toContain(
        'site/articles/second-one.md › field "aliases[1]": "/old/one" is already an alias of site/articles/first-one.md',
      );
      await site.write("site/articles/first-one.md", analysisFile(validAnalysis({ title: "First", extra: 'aliases: ["2024/05/18/no-slash/"]' })));
      await site.write("site/articles/second-one.md", analysisFile(validAnalysis({ title: "Second" })));
      const malformed = await site.build(BUILD_DATE);
      expect(malformed.code).not.toBe(0);
      expect(malformed.stderr).toMatch(/site\/articles\/first-one\.md › field "aliases\[0\]": "2024\/05\/18\/no-slash\/" must start with \//);
    } finally {
      await site.remove();
    }
  });
});
