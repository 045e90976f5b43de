import { execFile } from "node:child_process";
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, inject } from "vitest";
import { copyProject, LINKED } from "../../scripts/build/copyProject.ts";
import { buildCommandArgs } from "../../scripts/build/packageCommand.ts";
import type { HostBuildResult } from "./buildHostPool.ts";
import { fillCardCache, keepDrawnCards } from "./cardStore.ts";
import { PROJECT_ROOT } from "./projectRoot.ts";

export { PROJECT_ROOT };

/** What a fixture site's build printed and how it ended. */
export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for asserting on messages. */
  output: string;
}

export interface AnalysisSpec {
  title?: string;
  date?: string;
  summary?: string;
  regions?: string[];
  draft?: boolean;
  body?: string;
  /** Extra front matter lines, written as they are (for malformed input). */
  extra?: string;
}

export interface FixtureOptions {
  /** Articles by slug; replaces the project's own. A string is the whole file as written. */
  analyses?: Record<string, AnalysisSpec | string>;
  /** The whole `_data/levels.json` value; a string is written as it is (for malformed JSON). */
  levels?: unknown;
  /** Shorthand for `levels`: a list of assessments. */
  assessments?: { date: string; level: number; reason: string; article?: string }[];
  /** Any other files to write, by path relative to the fixture's root. */
  files?: Record<string, string>;
  /**
   * Starts with an empty share-card cache, as a first build does, and draws every card. Otherwise
   * the fixture starts with the cards other fixtures have drawn (test/helpers/cardStore.ts). Its
   * builds give the cards they draw to the store either way.
   */
  drawsAllCards?: boolean;
}

/** A fixture site's folder and what its last successful build put in `_site/`, to read. */
export interface BuiltSite {
  root: string;
  /** Where a successful build puts the site. */
  output: string;
  read(outputPath: string): Promise<string>;
  exists(outputPath: string): boolean;
}

/** The fixture site in `root`, to read. */
export function builtSiteIn(root: string): BuiltSite {
  const output = path.join(root, "_site");
  return {
    root,
    output,
    read: (outputPath) => readFile(path.join(output, outputPath), "utf8"),
    exists: (outputPath) => existsSync(path.join(output, outputPath)),
  };
}

/** A whole copy of the project with its own content, built by the project's own build. */
export interface FixtureSite extends BuiltSite {
  /**
   * Runs the fixture's production build (scripts/build/productionBuild.ts) on a warm build host:
   * the same code as `npm run build`, without starting Node, tsx and Eleventy for each build.
   */
  build(env?: Record<string, string>): Promise<BuildResult>;
  /**
   * Runs `npm run build`'s command itself in a new process: for what only a process shows (its
   * exit code on a crash, signals, what Node prints for an uncaught error, file limits).
   */
  buildAsCommand(env?: Record<string, string>): Promise<BuildResult>;
  /**
   * Gives the share cards this fixture's builds drew to the store (test/helpers/cardStore.ts), for
   * a build run some other way: `build()` and `buildAsCommand()` do it themselves.
   */
  keepDrawnCards(): Promise<void>;
  write(relativePath: string, contents: string | Uint8Array): Promise<void>;
  remove(): Promise<void>;
}

export function analysisFile(spec: AnalysisSpec): string {
  const lines = ["---"];
  if (spec.title !== undefined) lines.push(`title: ${JSON.stringify(spec.title)}`);
  if (spec.date !== undefined) lines.push(`date: ${JSON.stringify(spec.date)}`);
  if (spec.summary !== undefined) lines.push(`summary: ${JSON.stringify(spec.summary)}`);
  if (spec.regions !== undefined) lines.push(`regions: ${JSON.stringify(spec.regions)}`);
  if (spec.draft !== undefined) lines.push(`draft: ${spec.draft}`);
  if (spec.extra !== undefined) lines.push(spec.extra);
  lines.push("---", "", spec.body ?? "A paragraph of analysis.", "");
  return lines.join("\n");
}

/** A valid article with sensible defaults, overridable field by field. */
export function validAnalysis(overrides: AnalysisSpec = {}): AnalysisSpec {
  return {
    title: "A test analysis",
    date: "2024-05-01",
    summary: "One sentence that sums it up.",
    regions: ["Asia-Pacific"],
    body: "First paragraph.\n\nSecond paragraph.",
    ...overrides,
  };
}

/** Where a fixture is made, and whose it is. */
interface FixturePlace {
  /** The folder that holds the fixture's own; the system's temporary folder by default. */
  in?: string;
  /**
   * With the options, names the fixture in the store of share cards (test/helpers/cardStore.ts):
   * the test file that makes it, by default.
   */
  madeBy?: string;
}

/** A copy of the project with `options`' content, in a folder of its own. */
export async function makeFixtureSite(options: FixtureOptions = {}, place: FixturePlace = {}): Promise<FixtureSite> {
  const root = await mkdtemp(path.join(place.in ?? os.tmpdir(), "defcon-fixture-"));
  await copyProject(PROJECT_ROOT, root);

  const write = async (relativePath: string, contents: string | Uint8Array) => {
    const shared = LINKED.find((entry) => relativePath.split(/[\\/]/)[0] === entry);
    if (shared) throw new Error(`${relativePath}: a fixture's ${shared}/ is the project's own (linked), not a copy to change`);
    const file = path.join(root, relativePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, contents);
  };

  if (options.analyses) {
    await rm(path.join(root, "site/articles"), { recursive: true, force: true });
    await cp(path.join(PROJECT_ROOT, "site/articles/articles.11tydata.js"), path.join(root, "site/articles/articles.11tydata.js"));
    for (const [slug, spec] of Object.entries(options.analyses)) {
      await write(`site/articles/${slug}.md`, typeof spec === "string" ? spec : analysisFile(spec));
    }
  }
  const levels = options.assessments ? { $schema: "./levels.schema.json", assessments: options.assessments } : options.levels;
  if (levels !== undefined) {
    await write("_data/levels.json", typeof levels === "string" ? levels : JSON.stringify(levels, null, 2));
  }
  for (const [file, contents] of Object.entries(options.files ?? {})) await write(file, contents);

  // Every build gives the cards it drew to the store, for the fixtures after it.
  const cardStore = inject("cardStore");
  // Fixtures made the same way draw the same cards: the test file and the options say how.
  const { drawsAllCards, ...made } = options;
  const fixture = `${place.madeBy ?? expect.getState().testPath ?? ""} ${JSON.stringify(made)}`;
  if (!drawsAllCards) await fillCardCache(cardStore, root, fixture);
  const giveCards = () => keepDrawnCards(cardStore, root, fixture);
  const keepingCards = async (result: BuildResult) => {
    await giveCards();
    return result;
  };

  return {
    ...builtSiteIn(root),
    write,
    build: (env = {}) => buildOnHost(root, env).then(keepingCards),
    buildAsCommand: (env = {}) => runBuild(root, env).then(keepingCards),
    keepDrawnCards: giveCards,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Builds the fixture in `root` on one of the run's warm build hosts (test/helpers/buildHostPool.ts). */
export async function buildOnHost(root: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const response = await fetch(inject("buildHostUrl"), { method: "POST", body: JSON.stringify({ root, env }) });
  if (!response.ok) throw new Error(`the build host answered ${response.status}`);
  const { code, stdout, stderr } = (await response.json()) as HostBuildResult;
  return { code, stdout, stderr, output: `${stdout}\n${stderr}` };
}

/** Runs `npm run build`'s command (package.json's) in the fixture, in a process of its own. */
export function runBuild(root: string, env: Record<string, string> = {}): Promise<BuildResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      buildCommandArgs(root),
      { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
      },
    );
  });
}
