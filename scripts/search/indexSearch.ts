import { fork } from "node:child_process";
import { readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import type { LevelModel } from "../level/levelModel.ts";
import { assessmentRecord } from "./assessmentRecord.ts";
import { explainIndexFailure } from "./explainIndexFailure.ts";
import type { IndexJob, IndexMessage } from "./indexWorker.js";
import type { SearchShard } from "./searchShards.ts";

export { SEARCH_BUNDLE_DIR } from "./searchShards.ts";

/**
 * Only analyses are pages in the index, each named by its address. Their layout marks the article
 * with data-pagefind-body, but naming the pages keeps the index deliberate even if another page
 * type gains that attribute.
 */
export function indexedPagesGlob(slugs: readonly string[]): string | null {
  if (slugs.length === 0) return null;
  return slugs.length === 1 ? `articles/${slugs[0]}/index.html` : `articles/{${slugs.join(",")}}/index.html`;
}

/** What a merged shard keeps: its own entry, metadata, index, filters and fragments. */
const SHARD_DATA = /^(pagefind-entry\.json|[^/]+\.pf_meta|index|filter|fragment)$/;

export interface SearchIndexReport {
  pages: number;
  assessments: number;
  /** How many bundles the index was written as (searchShards.ts). */
  shards: number;
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
function runWorker(job: IndexJob, signal?: AbortSignal): Promise<WorkerRun> {
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
    // Stopped: the worker exits when its channel to the build is cut. Its Pagefind binary may hold
    // the output pipes a moment longer, so a stopped worker is done when it exits, not at "close".
    const stop = () => {
      child.on("exit", (code, exitSignal) => finish({ ...run, code, signal: exitSignal }));
      if (child.connected) child.disconnect();
    };
    // The signal outlives this worker (it stops every shard): a finished worker stops listening.
    const finish = (result: WorkerRun) => {
      signal?.removeEventListener("abort", stop);
      resolve(result);
    };
    child.on("error", (error) => {
      signal?.removeEventListener("abort", stop);
      reject(new SearchIndexError(`Could not start Pagefind's indexer process: ${error.message}`));
    });
    // "close" comes after the pipes are drained, so the output is complete.
    child.on("close", (code, signal) => finish({ ...run, code, signal }));
    // A child that died before reading its job is reported by "close", with what it printed.
    child.send(job, () => {});
    if (signal?.aborted) stop();
    else signal?.addEventListener("abort", stop, { once: true });
  });
}

/**
 * Indexes the staged output with Pagefind and writes one bundle per shard (searchShards.ts):
 * every analysis, plus one custom record per assessment of the level history. The first shard's
 * bundle in `<outputDir>/pagefind/` holds Pagefind's runtime; the others hold only their index,
 * which the search page merges into the first.
 *
 * Each shard is indexed by a child process of its own (indexWorker.js), a few at once, so that no
 * process holds more than one shard in memory. `signal` stops them all (the build's gates failed). Its output is captured:
 * a panic of Pagefind's binary (a full disk, say) becomes one SearchIndexError sentence instead
 * of a Rust backtrace in the terminal. DEFCON_DEBUG=1 adds the whole output.
 */
export async function indexSearch(
  outputDir: string,
  level: Pick<LevelModel, "history" | "meanings">,
  shards: readonly SearchShard[],
  signal?: AbortSignal,
): Promise<SearchIndexReport> {
  // One more than the processors: most of an indexer's time is one thread, and a last shard
  // alone would leave a processor idle.
  const limit = pLimit(Math.max(1, Math.min(shards.length, os.availableParallelism() + 1)));
  // Stopped by the caller, or by the first shard that fails: the others are then not indexed.
  const stop = new AbortController();
  if (signal?.aborted) stop.abort();
  signal?.addEventListener("abort", () => stop.abort(), { once: true });
  const indexed = shards.map((shard, i) =>
    limit(async () => {
      if (stop.signal.aborted) throw new SearchIndexError("The search index was not written: the build stopped it.");
      const pages = await indexShard(outputDir, level, shard, stop.signal);
      if (i > 0) await keepShardData(path.join(outputDir, shard.dir));
      return pages;
    }),
  );
  try {
    const pages = await Promise.all(indexed);
    return { pages: pages.reduce((sum, n) => sum + n, 0), assessments: level.history.length, shards: shards.length };
  } catch (error) {
    // Every indexer has ended before this returns, so none goes on writing into the folder.
    stop.abort();
    await Promise.allSettled(indexed);
    throw error;
  }
}

/** Removes the runtime Pagefind writes into every bundle from a merged shard: the first bundle's serves all. */
async function keepShardData(bundleDir: string): Promise<void> {
  for (const name of await readdir(bundleDir)) {
    if (!SHARD_DATA.test(name)) await rm(path.join(bundleDir, name), { recursive: true, force: true });
  }
}

async function indexShard(outputDir: string, level: Pick<LevelModel, "history" | "meanings">, shard: SearchShard, signal?: AbortSignal): Promise<number> {
  const bundleDir = path.join(outputDir, shard.dir);
  const run = await runWorker({
    siteDir: outputDir,
    glob: indexedPagesGlob(shard.analysisSlugs),
    pagesLabel: `index ${shard.analysisSlugs.length === 1 ? "an analysis's page" : `${shard.analysisSlugs.length} analyses' pages`} (articles/<slug>/index.html)`,
    bundleDir,
    bundleLabel: `write the search index into ${shown(bundleDir)}`,
    recordsLabel: "index the assessments of _data/levels.json",
    records: shard.assessmentIndexes.map((i) => {
      const assessment = level.history[i]!;
      return { source: `the assessment of ${assessment.date} (_data/levels.json)`, record: assessmentRecord(assessment, level.meanings) };
    }),
  }, signal);
  if (run.outcome?.type === "done") return run.outcome.pages;

  const failed = run.outcome?.type === "failed" ? run.outcome : undefined;
  let message = explainIndexFailure({ step: failed?.step ?? run.step, errors: failed?.errors, output: run.output, code: run.code, signal: run.signal });
  if (process.env["DEFCON_DEBUG"] === "1" && run.output.trim()) {
    message += `\nPagefind's whole output (DEFCON_DEBUG=1):\n${run.output.trimEnd()}`;
  }
  throw new SearchIndexError(message);
}
