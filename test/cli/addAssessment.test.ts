import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addAssessment } from "../../scripts/cli/addAssessment.ts";
import { Refusal } from "../../scripts/cli/commandErrors.ts";
import { analysisFile, validAnalysis } from "../helpers/fixtureSite.ts";
import { copyContent } from "./contentCopy.ts";

/** Every write through write-file-atomic, the one way addAssessment may write. */
const atomicWrites = vi.hoisted(() => [] as string[]);
/** Runs while the new file is being validated: another editor's change, in one test. */
const duringValidation = vi.hoisted(() => ({ run: undefined as (() => Promise<void>) | undefined }));

vi.mock("write-file-atomic", async (importOriginal) => {
  const original = (await importOriginal<{ default: (file: string, data: string) => Promise<void> }>()).default;
  return {
    default: async (file: string, data: string) => {
      atomicWrites.push(file);
      return original(file, data);
    },
  };
});
vi.mock("../../scripts/content/loadContent.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../scripts/content/loadContent.ts")>();
  return {
    ...original,
    loadContent: async (options: Parameters<typeof original.loadContent>[0]) => {
      await duringValidation.run?.();
      return original.loadContent(options);
    },
  };
});

const NOW = new Date("2026-06-01T10:20:45Z");
let content: Awaited<ReturnType<typeof copyContent>>;
let levels: string;
beforeEach(async () => {
  content = await copyContent();
  levels = path.join(content.root, "_data/levels.json");
  atomicWrites.length = 0;
  duringValidation.run = undefined;
});
afterEach(() => content.remove());

async function refusal(flags: Parameters<typeof addAssessment>[1]): Promise<string[]> {
  const before = await readFile(levels);
  const error = await addAssessment(content.root, flags, NOW).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  expect((await readFile(levels)).equals(before)).toBe(true);
  expect(atomicWrites).toEqual([]);
  return (error as Refusal).lines;
}

describe("recording an assessment (in-process)", () => {
  it("writes levels.json once, through write-file-atomic, leaving no temporary file", async () => {
    const { added, current, otherProblems } = await addAssessment(content.root, { level: "4", reason: " Tension. " }, NOW);
    expect(atomicWrites).toEqual([levels]);
    expect(added).toBe(current);
    expect(added).toMatchObject({ date: "2026-06-01T10:20Z", level: 4, reason: "Tension.", previousLabel: "DEFCON 5 Green", label: "DEFCON 4 Blue" });
    expect(otherProblems).toEqual([]);
    expect(await readdir(path.dirname(levels))).not.toContainEqual(expect.stringMatching(/^levels\.json\./));
    const written = JSON.parse(await readFile(levels, "utf8"));
    expect(written.assessments.at(-1)).toEqual({ date: "2026-06-01T10:20Z", level: 4, reason: "Tension." });
    expect(Object.keys(written)).toEqual(["$schema", "sample", "assessments"]);
  });

  it("validates the whole resulting file: a problem already in it is refused, and nothing is written", async () => {
    const broken = (await readFile(levels, "utf8")).replace('"level": 4,', '"level": 7,');
    await writeFile(levels, broken);
    expect(await refusal({ level: "4", reason: "Tension." })).toEqual([
      expect.stringMatching(/^_data\/levels\.json › assessment #1 \(2012-01-08\) › field "level": is out of range; found 7/),
    ]);
  });

  it("refuses each bad value by its flag, writing nothing", async () => {
    expect(await refusal({ level: "6", reason: "x" })).toEqual([expect.stringMatching(/^--level: is out of range; found 6/)]);
    expect(await refusal({ level: "3", reason: "  " })).toEqual([
      "--reason: must not be empty. Expected: the organisation's short explanation of the assessment, in plain text",
    ]);
    expect(await refusal({ level: "3", reason: "x", date: "2026-06-02" })).toEqual([
      '--date: "2026-06-02" is in the future; an assessment is recorded once it is issued',
    ]);
    expect(await refusal({ level: "3", reason: "x", article: "no-such-analysis" })).toEqual([
      '--article: links to "no-such-analysis", but there is no analysis no-such-analysis.md in site/articles/ or a folder inside it',
    ]);
  });

  it("refuses an analysis that is a draft, or one the build refuses, as the build would", async () => {
    await writeFile(path.join(content.root, "site/articles/a-draft.md"), analysisFile(validAnalysis({ draft: true })));
    await writeFile(path.join(content.root, "site/articles/a-broken-one.md"), analysisFile(validAnalysis({ regions: ["Atlantis"] })));
    expect(await refusal({ level: "3", reason: "x", article: "a-draft" })).toEqual([
      '--article: links to "a-draft", which is still a draft; publish it first or remove the link',
    ]);
    expect(await refusal({ level: "3", reason: "x", article: "a-broken-one" })).toEqual([
      expect.stringMatching(/^--article: the build refuses site\/articles\/a-broken-one\.md › field "regions\[0\]": "Atlantis" is not a region/),
    ]);
  });

  it("records the level even while another analysis has a problem, and says the build still refuses it", async () => {
    await writeFile(path.join(content.root, "site/articles/half-written.md"), "---\ntitle: Half\n---\n");
    const { otherProblems } = await addAssessment(content.root, { level: "3", reason: "Urgent." }, NOW);
    expect(atomicWrites).toEqual([levels]);
    expect(otherProblems.map((problem) => problem.file)).toContain("site/articles/half-written.md");
  });

  it("writes nothing over a change another editor made while it was checking", async () => {
    duringValidation.run = async () => {
      duringValidation.run = undefined;
      await writeFile(levels, (await readFile(levels, "utf8")).replace("Tension over", "Their edit: tension over"));
    };
    const error = await addAssessment(content.root, { level: "3", reason: "Mine." }, NOW).catch((e: unknown) => e);
    expect((error as Refusal).lines).toEqual(["_data/levels.json changed while the assessment was being checked; run the command again"]);
    expect(atomicWrites).toEqual([]);
    expect(await readFile(levels, "utf8")).toContain("Their edit: tension over");
  });
});
