import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { aliasProblem } from "../../scripts/content/aliasProblem.ts";
import { decodeUtf8 } from "../../scripts/content/decodeUtf8.ts";
import { listAnalysisFiles } from "../../scripts/content/listAnalysisFiles.ts";
import { escapingPermalinks } from "../../scripts/eleventy/permalinkGuardPlugin.ts";
import markdownPlugin from "../../scripts/eleventy/markdownPlugin.ts";
import type { EleventyConfig } from "../../scripts/eleventy/eleventyConfig.ts";
import { describeValue } from "../../scripts/content/describeValue.ts";
import { findInvisibleCharacter } from "../../scripts/content/invisibleCharacter.ts";
import { validateAnalysis } from "../../scripts/content/validateAnalysis.ts";
import { validateLevels } from "../../scripts/content/validateLevels.ts";
import { readFileSync } from "node:fs";

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => Buffer.from(part as string)));

describe("decodeUtf8", () => {
  it("decodes UTF-8, drops a byte-order mark, and keeps a real U+FFFD", () => {
    expect(decodeUtf8(bytes("\uFEFF---\ntitle: Café ☢\n"))).toEqual({ ok: true, text: "---\ntitle: Café ☢\n" });
    expect(decodeUtf8(bytes("a \uFFFD b"))).toEqual({ ok: true, text: "a \uFFFD b" });
  });

  it("names the line and column of the first bad byte, after real U+FFFD characters", () => {
    const result = decodeUtf8(bytes("one\n\uFFFD two\nthree caf", [0xe9], "\n", [0xff]));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^is not valid UTF-8: line 3, column 10 has the byte 0xE9/);
  });

  it("refuses a sequence cut short and a file saved as UTF-16", () => {
    const cut = decodeUtf8(bytes("ok\n", [0xe2, 0x98]));
    expect(!cut.ok && cut.message).toMatch(/line 2, column 1 has the byte 0xE2/);
    const utf16 = decodeUtf8(Buffer.from("\uFEFF---\ntitle: x\n", "utf16le"));
    expect(!utf16.ok && utf16.message).toMatch(/saved as UTF-16/);
  });
});

describe("aliasProblem", () => {
  it("accepts one old path as a browser requests it", () => {
    for (const alias of ["/2024/05/18/china-russia/", "/old-korea", "/caf%C3%A9/", "/a:b/", "/"]) expect(aliasProblem(alias), alias).toBeUndefined();
  });

  it.each([
    ["/:year/:slug/", "placeholder"],
    ["/old/*", "wildcard"],
    ["/page?p=12", "query string"],
    ["/page#top", "#fragment"],
    ["https://old.example.com/x/", "full address"],
    ["//evil.example/x", "full address"],
    ["javascript:alert(1)", "full address"],
    ["old/page", "must start with /"],
    ["/two words/", "space"],
    ["/tab\there/", "invisible"],
    ["/a/../b/", ". or .."],
    ["/back\\slash", "backslash"],
  ])("refuses %j (%s)", (alias, words) => {
    expect(aliasProblem(alias)).toContain(words);
  });
});

describe("escapingPermalinks", () => {
  it("names each template whose address climbs out of the output folder", () => {
    const problems = escapingPermalinks({
      "/about/": { inputPath: "./site/about.md" },
      "/../x.html": { inputPath: "./site/escape.njk" },
      "/../../package.json": { inputPath: "./site/deep.njk" },
      "/a..b/": { inputPath: "./site/dots-in-a-name.njk" },
    });
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ["site/escape.njk", "permalink"],
      ["site/deep.njk", "permalink"],
    ]);
  });
});

describe("listAnalysisFiles", () => {
  it("lists analyses in folders, skips hidden files and the folder's data file, and returns the rest as strays", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "defcon-articles-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const files = ["a.md", "2024/b.md", "2024/spring/c.md", "._a.md", ".DS_Store", "2024/.hidden/d.md", "articles.11tydata.js", "notes.txt", "2024/E.MD"];
    for (const file of files) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), "x");
    }
    expect(await listAnalysisFiles(dir)).toEqual({ markdown: ["2024/b.md", "2024/spring/c.md", "a.md"], strays: ["2024/E.MD", "notes.txt"] });
    expect(await listAnalysisFiles(path.join(dir, "missing"))).toEqual({ markdown: [], strays: [] });
  });
});

describe("invisible control characters", () => {
  const analysisSchema = JSON.parse(readFileSync("_data/article.schema.json", "utf8"));
  const levelsSchema = JSON.parse(readFileSync("_data/levels.schema.json", "utf8"));
  const now = new Date("2026-01-01");
  const analysis = (front: string, body = "Text.") => validateAnalysis("site/articles/x.md", `---\n${front}\n---\n${body}\n`, analysisSchema, new Set(), now);

  it("finds C0 and C1 controls, DEL, noncharacters and lone surrogates, and nothing in ordinary text", () => {
    for (const bad of ["\u0000", "\u0008", "\u001b", "\u007f", "\u0085", "\ufffe", "\ud800", "\udc00"]) expect(findInvisibleCharacter(`ok ${bad}`), JSON.stringify(bad)).toBeDefined();
    expect(findInvisibleCharacter("Tabs\tand lines\r\n, café, ☢, 🇺🇦, \u2028, \ufeff")).toBeUndefined();
    expect(findInvisibleCharacter("one\ntwo \u0008")).toEqual({ code: "U+0008", line: 2, column: 5 });
  });

  it("refuses an analysis holding one in the file, with its line, or through a YAML escape, with its field", () => {
    const raw = analysis('title: "T"\ndate: "2024-01-01"\nsummary: "S."', "Body with a \u0008 backspace.");
    expect(raw.problems.map((p) => p.message)).toEqual([expect.stringMatching(/invisible control character \(U\+0008\) at line 6, column 13/)]);
    const escaped = analysis('title: "Bell \\x07"\ndate: "2024-01-01"\nsummary: "Half \\uD800 a character."');
    expect(escaped.problems.map((p) => [p.field, p.message.slice(0, 50)])).toEqual([
      ["title", "contains an invisible control character (U+0007), "],
      ["summary", "contains an invisible control character (U+D800), "],
    ]);
  });

  it("refuses an assessment reason holding one, by entry and field", () => {
    const result = validateLevels({ assessments: [{ date: "2024-01-01", level: 5, reason: "Calm\u0000." }] }, levelsSchema, "_data/levels.json", now);
    expect(result.problems).toEqual([expect.objectContaining({ entry: "assessment #1 (2024-01-01)", field: "reason" })]);
  });
});

describe("describeValue", () => {
  it("describes a value briefly, however large or deep", () => {
    expect(describeValue("x".repeat(500))).toBe(JSON.stringify("x".repeat(80) + "…"));
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(describeValue(deep)).toBe("a list of 1 item");
    expect(describeValue({ a: 1, b: 2, c: 3, d: 4 })).toBe('an object with the fields "a", "b", "c", …');
    expect(describeValue(12)).toBe("12");
  });

  it("keeps a schema problem short when the wrong value is enormous", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const levelsSchema = JSON.parse(readFileSync("_data/levels.schema.json", "utf8"));
    const result = validateLevels({ assessments: [{ date: "2024-01-01", level: 5, reason: deep }] }, levelsSchema, "_data/levels.json", new Date("2026-01-01"));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message.length).toBeLessThan(300);
  });
});

describe("heading ids in analyses", () => {
  function render(markdown: string): string {
    let library: { render(source: string): string } | undefined;
    markdownPlugin({ setLibrary: (_name: string, lib: typeof library) => (library = lib) } as unknown as EleventyConfig);
    return library!.render(markdown);
  }

  it("never gives a heading an empty id or one the layout uses", () => {
    const html = render("## {{ }}\n\n## Main\n\n## Site search q\n\n## ...\n\n## Why it matters\n");
    const ids = [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["section", "main-section", "site-search-q-section", "section-1", "why-it-matters"]);
  });
});
