import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleFile, makeFixtureSite, validArticle, type FixtureSite } from "../helpers/fixtureSite.ts";

/**
 * Each kind of bad input fails the build with a message naming the file (and the field), exits
 * non-zero, and leaves the last good _site/ exactly as it was.
 */
describe("bad input", () => {
  let site: FixtureSite;
  let goodHome: string;
  const levels = [
    { date: "2024-01-01", level: 5, reason: "Calm." },
    { date: "2024-03-01", level: 4, reason: "Tension.", article: "good-one" },
  ];

  beforeAll(async () => {
    site = await makeFixtureSite({ articles: { "good-one": validArticle() }, assessments: levels });
    const first = await site.build();
    expect(first.code, first.output).toBe(0);
    goodHome = await site.read("index.html");
  });
  afterAll(() => site?.remove());

  /** Applies a breakage, builds, restores the good content, and returns what the build said. */
  async function buildWith(files: Record<string, string>): Promise<{ code: number; output: string }> {
    const originals = new Map<string, string | undefined>();
    for (const file of Object.keys(files)) {
      originals.set(file, await readFile(path.join(site.root, file), "utf8").catch(() => undefined));
    }
    try {
      for (const [file, contents] of Object.entries(files)) await site.write(file, contents);
      return await site.build();
    } finally {
      for (const [file, contents] of originals) {
        if (contents === undefined) await import("node:fs/promises").then((fs) => fs.rm(path.join(site.root, file)));
        else await site.write(file, contents);
      }
    }
  }

  async function expectLastGoodSiteKept() {
    expect(await site.read("index.html")).toBe(goodHome);
  }

  const article = (text: string) => ({ "site/articles/good-one.md": text });
  const levelsFile = (value: unknown) => ({ "_data/levels.json": typeof value === "string" ? value : JSON.stringify({ assessments: value }) });

  it("malformed front matter", async () => {
    const result = await buildWith(article('---\ntitle: "Unclosed\ndate: 2024-05-01\n---\nBody'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/site\/articles\/good-one\.md: the front matter is not valid YAML at line \d+/);
    await expectLastGoodSiteKept();
  });

  it("a missing title", async () => {
    const result = await buildWith(article(articleFile({ ...validArticle(), title: undefined })));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('site/articles/good-one.md › field "title": is required but missing');
    await expectLastGoodSiteKept();
  });

  it("an unquoted impossible date that YAML would roll over", async () => {
    const result = await buildWith(article('---\ntitle: "T"\ndate: 2024-13-45\nsummary: "S."\n---\n\nBody.\n'));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('site/articles/good-one.md › field "date": "2024-13-45" is not a real calendar date');
    await expectLastGoodSiteKept();
  });

  it("an unknown region", async () => {
    const result = await buildWith(article(articleFile(validArticle({ regions: ["Atlantis"] }))));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('site/articles/good-one.md › field "regions[0]": "Atlantis" is not a region');
    await expectLastGoodSiteKept();
  });

  it("an impossible level", async () => {
    const result = await buildWith(levelsFile([...levels, { date: "2024-04-01", level: 0, reason: "x" }]));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('_data/levels.json › assessment #3 (2024-04-01) › field "level": is out of range; found 0');
    await expectLastGoodSiteKept();
  });

  it("levels.json that is not JSON", async () => {
    const result = await buildWith(levelsFile('{ "assessments": [ { "date": "2024-01-01", } ] }'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/_data\/levels\.json: is not valid JSON \(line 1, column \d+\)/);
    await expectLastGoodSiteKept();
  });

  it("an assessment that links to an analysis that does not exist, or is a draft", async () => {
    const missing = await buildWith(levelsFile([{ date: "2024-01-01", level: 5, reason: "r", article: "no-such-piece" }]));
    expect(missing.code).not.toBe(0);
    expect(missing.output).toContain(
      '_data/levels.json › assessment #1 (2024-01-01) › field "article": links to "no-such-piece", but there is no site/articles/no-such-piece.md',
    );
    const draft = await buildWith(article(articleFile(validArticle({ draft: true }))));
    expect(draft.code).not.toBe(0);
    expect(draft.output).toContain('links to "good-one", which is still a draft');
    await expectLastGoodSiteKept();
  });

  it("a page without the disclaimer", async () => {
    const result = await buildWith({
      "site/rogue.njk": "---\npermalink: /rogue/\n---\n<!doctype html><html lang=en><title>Rogue</title><p>No disclaimer here.</p>",
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("_site.tmp/rogue/index.html [disclaimer]: the disclaimer is missing or altered");
    expect(result.output).toContain("nothing was published");
    await expectLastGoodSiteKept();
    expect(site.exists("rogue/index.html")).toBe(false);
  });

  it("a template that fails to render names the template", async () => {
    const result = await buildWith({ "site/broken.njk": "---\npermalink: /broken/\n---\n{{ 1 | noSuchFilter }}" });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("site/broken.njk");
    await expectLastGoodSiteKept();
  });

  it("builds again once the content is fixed", async () => {
    const result = await site.build();
    expect(result.code, result.output).toBe(0);
  });
});
