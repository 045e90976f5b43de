import { readFile, rm, utimes } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../scripts/content/loadContent.ts";
import { ContentError } from "../../scripts/content/problem.ts";
import { ValidAnalysisCache } from "../../scripts/content/validAnalysisCache.ts";
import { analysisFile, makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";

/** `npm start` loads the content before each rebuild; an unchanged valid analysis is not read again. */
describe("the dev server's cache of valid analyses", () => {
  let site: FixtureSite;
  const cache = new ValidAnalysisCache();
  const load = () => loadContent({ root: site.root, includeDrafts: true, now: new Date("2026-01-01T00:00:00Z"), cache });
  const titles = async () => (await load()).analyses.map((a) => a.title).sort();

  beforeAll(async () => {
    site = await makeFixtureSite({
      analyses: Object.fromEntries(["one", "two", "three"].map((slug) => [slug, validAnalysis({ title: `Analysis ${slug}` })])),
    });
  });
  afterAll(() => site?.remove());

  it("reads every file once, then only those that changed", async () => {
    expect(await titles()).toEqual(["Analysis one", "Analysis three", "Analysis two"]);
    expect([cache.read, cache.reused]).toEqual([3, 0]);
    expect(await titles()).toEqual(["Analysis one", "Analysis three", "Analysis two"]);
    expect([cache.read, cache.reused]).toEqual([0, 3]);

    await site.write("site/articles/two.md", analysisFile(validAnalysis({ title: "Analysis two, retitled" })));
    expect(await titles()).toEqual(["Analysis one", "Analysis three", "Analysis two, retitled"]);
    expect([cache.read, cache.reused]).toEqual([1, 2]);
  });

  it("sees a change that keeps the size, by its modification time", async () => {
    const file = path.join(site.root, "site/articles/one.md");
    const same = (await readFile(file, "utf8")).replace("Analysis one", "Analysis ONE");
    await site.write("site/articles/one.md", same);
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    expect(await titles()).toContain("Analysis ONE");
    expect(cache.read).toBe(1);
  });

  it("keeps no file with a problem: it is read again until it is fixed", async () => {
    await site.write("site/articles/three.md", analysisFile({ ...validAnalysis(), summary: undefined }));
    for (let i = 0; i < 2; i++) {
      await expect(load()).rejects.toThrow(ContentError);
      expect(cache.read).toBe(1);
    }
    await site.write("site/articles/three.md", analysisFile(validAnalysis({ title: "Analysis three, fixed" })));
    expect(await titles()).toContain("Analysis three, fixed");
  });

  it("reads everything again when the regions or the schema change, and forgets a deleted file", async () => {
    const regions = JSON.parse(await readFile(path.join(site.root, "_data/regionList.json"), "utf8")) as { regions: unknown[] };
    await site.write("_data/regionList.json", JSON.stringify({ ...regions, regions: regions.regions.slice().reverse() }, null, 2));
    await load();
    expect([cache.read, cache.reused]).toEqual([3, 0]);

    await rm(path.join(site.root, "site/articles/two.md"));
    expect(await titles()).toEqual(["Analysis ONE", "Analysis three, fixed"]);
    expect([cache.read, cache.reused]).toEqual([0, 2]);
  });
});
