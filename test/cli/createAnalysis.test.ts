import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Refusal } from "../../scripts/cli/commandErrors.ts";
import { createAnalysis, type NewAnalysisFlags } from "../../scripts/cli/createAnalysis.ts";
import { parseFrontMatter } from "../../scripts/content/frontMatter.ts";
import { analysisFile, validAnalysis } from "../helpers/fixtureSite.ts";
import { copyContent } from "./contentCopy.ts";
import { snapshot } from "./runCli.ts";

const NOW = new Date("2026-06-01T10:20:45Z");
let content: Awaited<ReturnType<typeof copyContent>>;
const articles = () => path.join(content.root, "site/articles");
beforeEach(async () => {
  content = await copyContent();
});
afterEach(() => content.remove());

async function refusal(flags: NewAnalysisFlags): Promise<string[]> {
  const before = await snapshot(articles());
  const error = await createAnalysis(content.root, flags, NOW).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Refusal);
  expect(await snapshot(articles())).toEqual(before);
  return (error as Refusal).lines;
}

describe("starting an analysis (in-process)", () => {
  it("writes the draft under its title's name, dated today (UTC) unless told", async () => {
    expect(await createAnalysis(content.root, { title: "Korea Tests" }, NOW)).toEqual({ slug: "korea-tests", file: "site/articles/korea-tests.md" });
    const front = parseFrontMatter(await readFile(path.join(articles(), "korea-tests.md"), "utf8"))?.data;
    expect(front).toMatchObject({ title: "Korea Tests", date: "2026-06-01", draft: true });
    expect(front).not.toHaveProperty("regions");
    await createAnalysis(content.root, { title: "Older", date: "2020-02-29", regions: " Global ,, South Asia " }, NOW);
    expect(parseFrontMatter(await readFile(path.join(articles(), "older.md"), "utf8"))?.data).toMatchObject({ date: "2020-02-29", regions: ["Global", "South Asia"] });
  });

  it("takes the name from --slug when given, for a title in another script", async () => {
    expect((await createAnalysis(content.root, { title: "Россия и Китай", slug: "russia-china" }, NOW)).file).toBe("site/articles/russia-china.md");
    expect(await refusal({ title: "X", slug: "Russia China" })).toEqual([
      '--slug: "Russia China" is not lowercase words joined by hyphens, e.g. china-russia-military-ties',
    ]);
  });

  it("refuses a name used anywhere under site/articles/, naming the file", async () => {
    await mkdir(path.join(articles(), "2023/spring"), { recursive: true });
    await writeFile(path.join(articles(), "2023/spring/korea-tests.md"), analysisFile(validAnalysis()));
    expect(await refusal({ title: "Korea: Tests!" })).toEqual([
      "--title: site/articles/2023/spring/korea-tests.md already has the name korea-tests (its address is /articles/korea-tests/); choose another title, or another name with --slug",
    ]);
    expect(await refusal({ title: "Other", slug: "korea-tests" })).toEqual([expect.stringMatching(/^--slug: .* choose another name$/)]);
  });

  it("refuses unknown regions, naming the closest known one, and a region named twice", async () => {
    expect(await refusal({ title: "X", regions: "Eastern Europ,Antarctica,Global,Global" })).toEqual([
      '--regions: unknown region "Eastern Europ" (did you mean "Eastern Europe"?)',
      '--regions: unknown region "Antarctica" (known: Asia-Pacific, Eastern Europe, Middle East, South Asia, North America, Global)',
      '--regions: "Global" is named twice',
    ]);
  });

  it("refuses a date that is in the future, not a real day, or not YYYY-MM-DD", async () => {
    expect(await refusal({ title: "X", date: "2026-06-02" })).toEqual([
      "--date: 2026-06-02 is in the future; an analysis is dated the day it is published (today is 2026-06-01)",
    ]);
    expect(await refusal({ title: "X", date: "2025-02-29" })).toEqual(['--date: "2025-02-29" is not a real calendar date']);
    expect(await refusal({ title: "X", date: "2025-06-01T10:00Z" })).toEqual([expect.stringMatching(/^--date: is not valid; found "2025-06-01T10:00Z"/)]);
  });

  it("refuses an empty title, one of two lines, one with an invisible character, and one that names no file", async () => {
    expect(await refusal({ title: " " })).toEqual(["--title: must not be empty; give the analysis's headline"]);
    expect(await refusal({ title: "One\nTwo" })).toEqual(["--title: must be one line"]);
    expect(await refusal({ title: "Bell\u0007" })).toEqual([expect.stringMatching(/^--title: contains an invisible control character \(U\+0007\)/)]);
    expect(await refusal({ title: "北朝鮮" })).toEqual([expect.stringMatching(/^--title: "北朝鮮" has no Latin letters or digits/)]);
  });

  it("lists every problem at once", async () => {
    expect(await refusal({ title: "", date: "2030-01-01", regions: "Mars" })).toHaveLength(3);
  });
});
