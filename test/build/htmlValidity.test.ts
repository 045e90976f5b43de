import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { onePagePerType } from "../../scripts/preview/pagesByType.ts";
import { outputFileFor } from "../../scripts/gates/outputPaths.ts";
import { listFiles } from "../../scripts/gates/runGates.ts";
import { PROJECT_ROOT, makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";
import { commandRuns, describeWithTool } from "../helpers/requiredTool.ts";

const java = { name: "Java (for the W3C Nu checker)", available: commandRuns("java", ["-version"]), install: "apt-get install -y default-jre-headless" };

const VNU = path.join(PROJECT_ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");

interface VnuMessage {
  type: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/** Runs the W3C Nu checker once over all files; resolves with its error messages. */
function vnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile("java", ["-jar", VNU, "--format", "json", "--errors-only", ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      try {
        resolve((JSON.parse(stderr) as { messages: VnuMessage[] }).messages);
      } catch {
        reject(error ?? new Error(`vnu printed no JSON: ${stderr.slice(0, 500)}`));
      }
    });
  });
}

describeWithTool(java, "HTML validity (W3C Nu checker) on every page type", () => {
  let site: FixtureSite;
  let files: string[];
  /** Error messages by file, relative to the output: one checker run (a JVM start) for both tests. */
  let errorsByFile: Map<string, string[]>;
  /** A page written wrong on purpose, checked in the same run to show the checker finds errors. */
  const BROKEN = "broken.html";

  beforeAll(async () => {
    site = await makeFixtureSite({
      analyses: {
        "korea-missile-tests": validAnalysis({ title: "Korea missile tests", body: "Korea launched missiles.\n\n## Why it matters\n\n*Text* with a [link](https://example.org/)." }),
        "baltic-exercises": validAnalysis({ title: "Baltic exercises", date: "2024-06-01", regions: ["Eastern Europe"] }),
      },
    });
    const result = await site.build({ DEFCON_BUILD_DATE: "2026-06-01" });
    expect(result.output).toContain("✔ Built");
    const all = new Set(await listFiles(site.output));
    files = [...(await onePagePerType(site.output)).values()].map((url) => path.join(site.output, outputFileFor(url, all)!));
    await site.write(`_site/${BROKEN}`, "<!doctype html><html lang=en><title>x</title><p><div></span>");
    errorsByFile = new Map();
    for (const m of await vnu([...files, path.join(site.output, BROKEN)])) {
      const file = path.relative(site.output, new URL(m.url).pathname);
      errorsByFile.set(file, [...(errorsByFile.get(file) ?? []), `${file}:${m.lastLine}: ${m.message} ${m.extract ?? ""}`]);
    }
  });
  afterAll(() => site.remove());

  it("has zero errors", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect([...errorsByFile].filter(([file]) => file !== BROKEN).flatMap(([, errors]) => errors)).toEqual([]);
  });

  it("reports an error when there is one (the checker itself works)", () => {
    expect(errorsByFile.get(BROKEN)?.length ?? 0).toBeGreaterThan(0);
  });
});
