import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { aliasProblem } from "../../scripts/content/aliasProblem.ts";
import { decodeUtf8 } from "../../scripts/content/decodeUtf8.ts";
import { listArticleFiles } from "../../scripts/content/listArticleFiles.ts";
import { escapingPermalinks } from "../../scripts/eleventy/permalinkGuardPlugin.ts";

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

describe("listArticleFiles", () => {
  it("lists analyses in folders, skips hidden files and the folder's data file, and returns the rest as strays", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "articles-"));
    const files = ["a.md", "2024/b.md", "2024/spring/c.md", "._a.md", ".DS_Store", "2024/.hidden/d.md", "articles.11tydata.js", "notes.txt", "2024/E.MD"];
    for (const file of files) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), "x");
    }
    expect(await listArticleFiles(dir)).toEqual({ markdown: ["2024/b.md", "2024/spring/c.md", "a.md"], strays: ["2024/E.MD", "notes.txt"] });
    expect(await listArticleFiles(path.join(dir, "missing"))).toEqual({ markdown: [], strays: [] });
  });
});
