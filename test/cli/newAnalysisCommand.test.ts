import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../scripts/content/frontMatter.ts";
import { PLACEHOLDER_BODY, PLACEHOLDER_SUMMARY } from "../../scripts/content/placeholderText.ts";
import { analysisFile, makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";
import { expectRefusal, PINNED_NOW, runCli, snapshot } from "./runCli.ts";

/**
 * `npm run new` run as editors run it, in a copy of the project: what it writes, what it
 * refuses (writing nothing), and that the build keeps its draft unpublished until the
 * placeholders are replaced.
 */
describe("npm run new", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await makeFixtureSite({ files: { "site/articles/2024/filed-away.md": analysisFile(validAnalysis({ title: "Filed away" })) } });
  });
  afterAll(() => site.remove());
  const articles = () => path.join(site.root, "site/articles");
  const run = (...args: string[]) => runCli(site.root, "newAnalysis", args);

  async function refused(args: string[], code: number, line: string | RegExp): Promise<void> {
    const before = await snapshot(articles());
    expectRefusal(await run(...args), code, line);
    expect(await snapshot(articles())).toEqual(before);
  }

  // Each refusal's wording is tested in-process (createAnalysis.test.ts); here, that the command
  // says it in one line, exits with its code and writes nothing. They run side by side: each is a Node start.
  it("refuses a name used in a folder, an unknown region, a future date, an empty title, and an unknown flag", async () => {
    const before = await snapshot(articles());
    const [taken, region, future, empty, flag] = await Promise.all([
      run("--title", "Filed Away"),
      run("--title", "X", "--regions", "Asia-Pacific,Eastern Europ"),
      run("--title", "X", "--date", "2026-06-02"),
      run("--title", "   "),
      run("--titel", "X"),
    ]);
    expectRefusal(taken!, 1, /^✖ --title: site\/articles\/2024\/filed-away\.md already has the name filed-away /);
    expectRefusal(region!, 1, '✖ --regions: unknown region "Eastern Europ" (did you mean "Eastern Europe"?)');
    expectRefusal(future!, 1, /^✖ --date: 2026-06-02 is in the future/);
    expectRefusal(empty!, 1, "✖ --title: must not be empty; give the analysis's headline");
    expectRefusal(flag!, 2, "✖ unknown flag --titel (did you mean --title?). See: npm run new -- --help");
    expect(await snapshot(articles())).toEqual(before);
  });

  it("explains itself with --help", async () => {
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run new -- --title "…"');
    expect(help.stdout).toMatch(/Exit codes: 0 written; 1 refused/);
  });

  describe("a new analysis, through the build", () => {
    const title = 'Korea: "Tests" Resume — Élysée’s View';
    const slug = "korea-tests-resume-elysees-view";
    const file = () => path.join(articles(), `${slug}.md`);

    it("is written as a draft, with its title read back exactly, and its address printed", async () => {
      const result = await run("--title", title, "--regions", "Asia-Pacific, Eastern Europe");
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`Created site/articles/${slug}.md (a draft).`);
      expect(result.stdout).toContain(`http://localhost:8080/articles/${slug}/`);
      expect(parseFrontMatter(await readFile(file(), "utf8"))?.data).toEqual({
        title,
        date: PINNED_NOW.slice(0, 10),
        summary: PLACEHOLDER_SUMMARY,
        regions: ["Asia-Pacific", "Eastern Europe"],
        draft: true,
      });
    });

    it("is refused a second time: the name is taken", async () => {
      await refused(["--title", title], 1, new RegExp(`^✖ --title: site/articles/${slug}\\.md already has the name`));
    });

    it("is not published while it is a draft", async () => {
      const build = await site.build({ DEFCON_BUILD_DATE: PINNED_NOW });
      expect(build.code, build.output).toBe(0);
      expect(site.exists(`articles/${slug}/index.html`)).toBe(false);
      expect(site.exists("articles/filed-away/index.html")).toBe(true);
    });

    it("is refused by the build without draft while the placeholder summary is there", async () => {
      await writeFile(file(), (await readFile(file(), "utf8")).replace("draft: true\n", ""));
      const build = await site.build({ DEFCON_BUILD_DATE: PINNED_NOW });
      expect(build.code).not.toBe(0);
      expect(build.output).toContain(`site/articles/${slug}.md › field "summary": is still the placeholder npm run new wrote; replace the placeholder summary`);
      expect(site.exists(`articles/${slug}/index.html`)).toBe(false);
    });

    it("is published once the summary and the text are written", async () => {
      const written = (await readFile(file(), "utf8")).replace(PLACEHOLDER_SUMMARY, "Tests resume.").replace(PLACEHOLDER_BODY, "The analysis itself.");
      await writeFile(file(), written);
      const build = await site.build({ DEFCON_BUILD_DATE: PINNED_NOW });
      expect(build.code, build.output).toBe(0);
      const page = await site.read(`articles/${slug}/index.html`);
      expect(page).toContain("Korea: &quot;Tests&quot; Resume — Élysée’s View");
      expect(page).toContain("The analysis itself.");
    });
  });
});
