import { describe, expect, it } from "vitest";
import { validAnalysis } from "../helpers/fixtureSite.ts";
import { builtFixtureSite } from "../helpers/sharedFixtureSite.ts";

/**
 * Editors file analyses in folders (by year). An analysis in a folder is validated like any
 * other and appears everywhere an analysis appears; the files macOS writes beside it do not.
 */
describe("analyses filed in folders", () => {
  const site = builtFixtureSite(
    {
      analyses: {
        "at-the-top": validAnalysis({ title: "At the top", date: "2024-05-01", regions: ["Asia-Pacific"] }),
        "2023/filed-by-year": validAnalysis({ title: "Filed by year", date: "2023-04-02", regions: ["Eastern Europe"], body: "A filed paragraph." }),
        "2022/spring/nested-twice": validAnalysis({ title: "Nested twice", date: "2022-03-03" }),
      },
      assessments: [
        { date: "2022-01-01", level: 5, reason: "Calm." },
        { date: "2023-05-01", level: 4, reason: "Tension.", article: "filed-by-year" },
      ],
      files: {
        // What macOS leaves beside an editor's files on shared and external drives.
        "site/articles/2023/._filed-by-year.md": "\u0000\u0005\u0016\u0007Mac OS X        \u0000\u0002",
        "site/articles/.DS_Store": "\u0000\u0000\u0000\u0001Bud1",
        "site/.hidden-page.md": "---\ntitle: Hidden\n---\nNot a page.",
      },
    },
    { DEFCON_BUILD_DATE: "2026-06-01" },
  );

  it("publishes each at /articles/<file name>/, validated, with its level at publication", async () => {
    const page = await site.read("articles/filed-by-year/index.html");
    expect(page).toContain("<h1>Filed by year</h1>");
    expect(page).toContain("A filed paragraph.");
    expect(page).toContain('href="/history/#'); // the assessment that cites it
    expect(await site.read("articles/nested-twice/index.html")).toContain("<h1>Nested twice</h1>");
    expect(site.exists("articles/2023/filed-by-year/index.html")).toBe(false);
  });

  it("lists them in the archive, on region pages, in the feeds, the sitemap and the search index", async () => {
    const archive = await site.read("articles/index.html");
    for (const slug of ["at-the-top", "filed-by-year", "nested-twice"]) expect(archive).toContain(`/articles/${slug}/`);
    expect(await site.read("regions/eastern-europe/index.html")).toContain("/articles/filed-by-year/");
    const atom = await site.read("feeds/analyses.atom.xml");
    expect(atom).toContain("/articles/filed-by-year/");
    expect(atom).toContain("A filed paragraph."); // the entry carries the page's rendered content
    expect(await site.read("feeds/analyses.json")).toContain("/articles/nested-twice/");
    expect(await site.read("sitemap.xml")).toContain("/articles/filed-by-year/</loc>");
    const sitemapUrls = (await site.read("sitemap.xml")).match(/<loc>[^<]*\/articles\/[^<]+<\/loc>/g) ?? [];
    expect(sitemapUrls).toHaveLength(3);
  });

  it("publishes nothing for hidden files", () => {
    expect(site.exists("articles/._filed-by-year/index.html")).toBe(false);
    expect(site.exists(".hidden-page/index.html")).toBe(false);
    expect(site.exists("articles/.DS_Store")).toBe(false);
  });
});
