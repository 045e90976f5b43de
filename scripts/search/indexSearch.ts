import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LevelModel } from "../level/levelModel.ts";
import { assessmentRecord } from "./assessmentRecord.ts";
import { explainIndexFailure } from "./explainIndexFailure.ts";
import type { IndexJob, IndexMessage } from "./indexWorker.js";

/** Where Pagefind's bundle goes, relative to the output folder; the search page loads it from /pagefind/. */
export const SEARCH_BUNDLE_DIR = "pagefind";

/**
 * Only analyses are pages in the index. Their layout marks the article with data-pagefind-body,
 * but a glob keeps the index deliberate even if another page type gains that attribute.
 */
export const INDEXED_PAGES_GLOB = "articles/*/index.html";

export interface SearchIndexReport {
  pages: number;
  assessments: number;
}

export class SearchIndexError extends Error {
  override name = "SearchIndexError";
}

const WORKER = fileURLToPath(new URL("./indexWorker.js", import.meta.url));

/** The most of the indexer's output kept: its first lines say why it failed. */
const MAX_OUTPUT = 1024 * 1024;

/** A folder as an editor sees it: relative to the project when inside it, with a trailing slash. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  return `${(inside ? relative : dir).split(path.sep).join("/")}/`;
}

interface WorkerRun {
  /** The last step the indexer started. */
  step: string;
  outcome?: Extract<IndexMessage, { type: "done" | "failed" }>;
  output: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs indexWorker.js with its stdout and stderr captured, never shown. */
function runWorker(job: IndexJob): Promise<WorkerRun> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, {
      // Not the build's own flags (tsx's loader): the worker is plain JavaScript.
      execArgv: [],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    const run: WorkerRun = { step: "start Pagefind", output: "", code: null, signal: null };
    const capture = (chunk: string) => {
      if (run.output.length < MAX_OUTPUT) run.output += chunk;
    };
    child.stdout!.setEncoding("utf8").on("data", capture);
    child.stderr!.setEncoding("utf8").on("data", capture);
    child.on("message", (message: IndexMessage) => {
      if (message.type === "step") run.step = message.step;
      else run.outcome = message;
    });
    child.on("error", (error) => reject(new SearchIndexError(`Could not start Pagefind's indexer process: ${error.message}`)));
    // "close" comes after the pipes are drained, so the output is complete.
    child.on("close", (code, signal) => resolve({ ...run, code, signal }));
    // A child that died before reading its job is reported by "close", with what it printed.
    child.send(job, () => {});
  });
}

/**
 * Indexes the staged output with Pagefind and writes the bundle into `<outputDir>/pagefind/`:
 * every analysis, plus one custom record per assessment of the level history.
 *
 * Pagefind runs in a child process (indexWorker.js) whose output is captured: a panic of its
 * binary (a full disk, say) becomes one SearchIndexError sentence instead of a Rust backtrace in
 * the terminal, and the indexer's memory is not the build's. DEFCON_DEBUG=1 adds the whole output.
 */
export async function indexSearch(outputDir: string, level: Pick<LevelModel, "history" | "meanings">): Promise<SearchIndexReport> {
  const bundleDir = path.join(outputDir, SEARCH_BUNDLE_DIR);
  const run = await runWorker({
    siteDir: outputDir,
    glob: INDEXED_PAGES_GLOB,
    bundleDir,
    bundleLabel: `write the search index into ${shown(bundleDir)}`,
    recordsLabel: "index the assessments of _data/levels.json",
    records: level.history.map((assessment) => ({
      source: `the assessment of ${assessment.date} (_data/levels.json)`,
      record: assessmentRecord(assessment, level.meanings),
    })),
  });
  if (run.outcome?.type === "done") return { pages: run.outcome.pages, assessments: level.history.length };

  const failed = run.outcome?.type === "failed" ? run.outcome : undefined;
  let message = explainIndexFailure({ step: failed?.step ?? run.step, errors: failed?.errors, output: run.output, code: run.code, signal: run.signal });
  if (process.env["DEFCON_DEBUG"] === "1" && run.output.trim()) {
    message += `\nPagefind's whole output (DEFCON_DEBUG=1):\n${run.output.trimEnd()}`;
  }
  throw new SearchIndexError(message);
}
