import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysisFile, makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";

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
    site = await makeFixtureSite({ analyses: { "good-one": validAnalysis() }, assessments: levels });
    // The last good site, for the failed builds below to leave alone.
    const first = await site.build();
    expect(first.code, first.output).toBe(0);
    goodHome = await site.read("index.html");
  });
  afterAll(() => site?.remove());

  /**
   * Applies a breakage, builds, restores the good content, and returns what the build said. The
   * build runs on a warm host, which reports an uncaught error with its stack as the process
   * would (buildHost.test.ts), or, `asCommand`, as `npm run build` itself: for the mistakes an
   * editor meets most, the whole command's output is checked.
   */
  async function buildWith(files: Record<string, string | Uint8Array>, asCommand = false): Promise<{ code: number; output: string }> {
    const originals = new Map<string, Uint8Array | undefined>();
    for (const file of Object.keys(files)) {
      originals.set(file, await readFile(path.join(site.root, file)).catch(() => undefined));
    }
    try {
      for (const [file, contents] of Object.entries(files)) await site.write(file, contents);
      return await (asCommand ? site.buildAsCommand() : site.build());
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

  /** A content problem is reported once, in words: never followed by Node's crash dump. */
  function expectNoCrashDump(output: string) {
    expect(output).not.toContain("triggerUncaughtException");
    expect(output).not.toContain("node:internal");
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  }

  const levelsFile = (value: unknown) => ({ "_data/levels.json": typeof value === "string" ? value : JSON.stringify({ assessments: value }) });

  /**
   * Every content mistake is found in one build, which lists them all: an editor fixes them in one
   * go. One build for all of them also keeps this file fast; each mistake is in its own file.
   */
  describe("content mistakes, each in its own file, all reported by one build", () => {
    let result: { code: number; output: string };
    const latin1Before = analysisFile(validAnalysis({ body: "First paragraph.\n\nA caf" })).trimEnd();
    const badAliases = ["/:year/:slug/", "/old/*", "/page?p=12", "https://old.example.com/x/", "//evil.example/x", "/ok/../escape/", "/fine-old-address/"];

    beforeAll(async () => {
      result = await buildWith({
        "site/articles/malformed.md": '---\ntitle: "Unclosed\ndate: 2024-05-01\n---\nBody',
        "site/articles/missing-title.md": analysisFile({ ...validAnalysis(), title: undefined }),
        "site/articles/rolled-date.md": '---\ntitle: "T"\ndate: 2024-13-45\nsummary: "S."\n---\n\nBody.\n',
        "site/articles/unknown-region.md": analysisFile(validAnalysis({ regions: ["Atlantis"] })),
        "site/articles/2024/filed-without-summary.md": analysisFile({ ...validAnalysis(), summary: undefined }),
        "site/articles/2023/good-one.md": analysisFile(validAnalysis({ title: "Same name, other folder" })),
        "site/articles/Upper-Case.MD": analysisFile(validAnalysis()),
        "site/articles/notes.txt": "to do",
        "site/articles/2024/map.png": "PNG",
        "site/articles/latin1.md": Buffer.concat([Buffer.from(latin1Before), Buffer.from([0xe9]), Buffer.from(" in Windows-1252.\n")]),
        "site/articles/bad-aliases.md": analysisFile(validAnalysis({ extra: `aliases: ${JSON.stringify(badAliases)}` })),
        "site/articles/unfinished.md": analysisFile(validAnalysis({ title: "Unfinished", draft: true })),
        ...levelsFile([
          ...levels,
          { date: "2024-04-02", level: 4, reason: "r", article: "no-such-piece" },
          { date: "2024-04-03", level: 4, reason: "r", article: "latin1" },
          { date: "2024-04-04", level: 4, reason: "r", article: "unfinished" },
        ]),
      }, true);
    });

    it("fails, printing each problem once, in words, and keeps the last good site", async () => {
      expect(result.code).not.toBe(0);
      expectNoCrashDump(result.output);
      expect(result.output.match(/is required but missing/g)).toHaveLength(2); // the title and the summary, once each
      await expectLastGoodSiteKept();
    });

    it("malformed front matter", () => {
      expect(result.output).toMatch(/site\/articles\/malformed\.md: the front matter is not valid YAML at line \d+/);
    });

    it("a missing title", () => {
      expect(result.output).toContain('site/articles/missing-title.md › field "title": is required but missing');
    });

    it("an unquoted impossible date that YAML would roll over", () => {
      expect(result.output).toContain('site/articles/rolled-date.md › field "date": "2024-13-45" is not a real calendar date');
    });

    it("an unknown region", () => {
      expect(result.output).toContain('site/articles/unknown-region.md › field "regions[0]": "Atlantis" is not a region');
    });

    it("odd files in the analyses folder: an invalid analysis in a folder, a file name used twice, files that are not analyses", () => {
      expect(result.output).toContain('site/articles/2024/filed-without-summary.md › field "summary": is required but missing');
      expect(result.output).toMatch(/site\/articles\/good-one\.md: has the same file name as site\/articles\/2023\/good-one\.md|site\/articles\/2023\/good-one\.md: has the same file name as site\/articles\/good-one\.md/);
      expect(result.output).toContain("site/articles/Upper-Case.MD: is not published: analyses must end in lowercase .md");
      expect(result.output).toContain("site/articles/notes.txt: is not published");
      expect(result.output).toContain("site/articles/2024/map.png: is not an analysis");
    });

    it("bytes that are not UTF-8, naming the line of the first one; a link to that analysis is not reported again", () => {
      expect(result.output).toContain(`site/articles/latin1.md: is not valid UTF-8: line ${latin1Before.split("\n").length}, column 6 has the byte 0xE9`);
      expect(result.output).not.toContain('links to "latin1"');
    });

    it("aliases that are patterns, queries or other sites' addresses, each by field", () => {
      const refused = [...result.output.matchAll(/site\/articles\/bad-aliases\.md › field "aliases\[(\d)\]": (.+)/g)].map((m) => [Number(m[1]), m[2]]);
      expect(refused.map(([index]) => index)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(refused[0]![1]).toContain("placeholder");
      expect(refused[1]![1]).toContain("wildcard");
      expect(refused[2]![1]).toContain("query string");
      expect(refused[3]![1]).toContain("full address");
      expect(refused[4]![1]).toContain("full address");
    });

    it("an assessment that links to an analysis that does not exist", () => {
      expect(result.output).toContain(
        '_data/levels.json › assessment #3 (2024-04-02) › field "article": links to "no-such-piece", but there is no analysis no-such-piece.md in site/articles/',
      );
    });

    it("an assessment that links to an analysis that is still a draft", () => {
      expect(result.output).toContain('_data/levels.json › assessment #5 (2024-04-04) › field "article": links to "unfinished", which is still a draft');
    });
  });

  it("a permalink that would write outside the built site, before anything is written", async () => {
    const outsideName = `outside-${process.pid}-${Date.now()}.json`;
    const result = await buildWith({
      "site/escape.njk": "---\npermalink: ../escaped.html\n---\nx",
      "site/deeper.njk": `---\npermalink: "a/../../../${outsideName}"\n---\n{}`,
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('site/escape.njk › field "permalink": would write to "/../escaped.html", outside the built site');
    expect(result.output).toContain('site/deeper.njk › field "permalink"');
    expect(existsSync(path.join(site.root, "escaped.html"))).toBe(false);
    expect(existsSync(path.join(site.root, "_site.tmp/../escaped.html"))).toBe(false);
    expect(existsSync(path.join(site.root, "..", outsideName))).toBe(false);
    expectNoCrashDump(result.output);
    await expectLastGoodSiteKept();
  });

  // A level out of range stops the checks of the links in _data/levels.json, so it has a build of its own.
  it("an impossible level", async () => {
    const result = await buildWith(levelsFile([...levels, { date: "2024-04-01", level: 0, reason: "x" }]));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('_data/levels.json › assessment #3 (2024-04-01) › field "level": is out of range; found 0');
    expectNoCrashDump(result.output);
    await expectLastGoodSiteKept();
  });

  it("levels.json that is not JSON", async () => {
    const result = await buildWith(levelsFile('{ "assessments": [ { "date": "2024-01-01", } ] }'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/_data\/levels\.json: is not valid JSON \(line 1, column \d+\)/);
    expectNoCrashDump(result.output);
    await expectLastGoodSiteKept();
  });

  it("a page without the disclaimer", async () => {
    const result = await buildWith({
      "site/rogue.njk": "---\npermalink: /rogue/\n---\n<!doctype html><html lang=en><title>Rogue</title><p>No disclaimer here.</p>",
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("_site.tmp/rogue/index.html [disclaimer]: the disclaimer is missing or altered");
    expect(result.output).toContain("nothing was published");
    expectNoCrashDump(result.output);
    await expectLastGoodSiteKept();
    expect(site.exists("rogue/index.html")).toBe(false);
  });

  it("a template that fails to render names the template", async () => {
    const result = await buildWith({ "site/broken.njk": "---\npermalink: /broken/\n---\n{{ 1 | noSuchFilter }}" }, true);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("site/broken.njk");
    expectNoCrashDump(result.output);
    await expectLastGoodSiteKept();
  });

  it("builds again once the content is fixed", async () => {
    const result = await site.build();
    expect(result.code, result.output).toBe(0);
  });
});
