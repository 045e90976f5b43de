// @ts-check
/**
 * Pagefind's indexer, run by indexSearch.ts in a Node process of its own. Pagefind's Node API
 * starts its Rust binary with the terminal as its stderr; here that stderr is a pipe to the build,
 * which turns a panic into one sentence instead of letting a backtrace reach the terminal.
 *
 * Plain JavaScript, checked by tsc through its JSDoc types, so that the process starts without
 * tsx's loader, which added about a second to the search step on a busy 2-core machine.
 *
 * Receives one IndexJob over IPC, reports each step as it starts, and ends with one outcome. If
 * the binary dies mid-step (a panic), Pagefind's promise never settles: the process then exits
 * without an outcome, and the build reads the reason from the captured output.
 */
import * as pagefind from "pagefind";

/**
 * @typedef {object} IndexJob
 * @property {string} siteDir The folder whose pages are indexed.
 * @property {string | null} glob The pages to index, or null for a shard of assessments only.
 * @property {string} pagesLabel Indexing the pages, as a step: `index 1,500 analyses' pages (articles/<slug>/index.html)`.
 * @property {string} bundleDir Where the bundle is written.
 * @property {string} bundleLabel Writing the bundle, as a step: `write the search index into _site.tmp/pagefind/`.
 * @property {string} recordsLabel Adding the records, as a step: `index the assessments of _data/levels.json`.
 * @property {{ source: string, record: import("pagefind").CustomRecord }[]} records Each record with
 *   where it comes from, e.g. `the assessment of 2024-05-01 (_data/levels.json)`.
 */

/**
 * `step`: a step has started; if the indexer dies now, this is the step it could not do.
 * `failed`: Pagefind answered with errors (it did not crash).
 * @typedef {{ type: "step", step: string }
 *   | { type: "done", pages: number }
 *   | { type: "failed", step: string, errors: string[] }} IndexMessage
 */

/** @param {IndexMessage} message @returns {Promise<void>} */
function send(message) {
  return new Promise((resolve, reject) => {
    if (!process.send) throw new Error("indexWorker.js runs as a child process of the build (indexSearch.ts)");
    process.send(message, undefined, undefined, (error) => (error ? reject(error) : resolve()));
  });
}

/** @param {IndexJob} job @returns {Promise<IndexMessage>} */
async function run(job) {
  let step = "start Pagefind";
  /** @param {string} next */
  const started = async (next) => {
    step = next;
    await send({ type: "step", step });
  };
  try {
    await started(step);
    const created = await pagefind.createIndex({ forceLanguage: "en" });
    if (!created.index) return { type: "failed", step, errors: created.errors };
    const index = created.index;

    let pageCount = 0;
    if (job.glob) {
      await started(job.pagesLabel);
      const pages = await index.addDirectory({ path: job.siteDir, glob: job.glob });
      if (pages.errors.length) return { type: "failed", step, errors: pages.errors };
      pageCount = pages.page_count;
    }

    if (job.records.length) await started(job.recordsLabel);
    for (const { source, record } of job.records) {
      const added = await index.addCustomRecord(record);
      if (added.errors.length) return { type: "failed", step: `index ${source}`, errors: added.errors };
    }

    await started(job.bundleLabel);
    const written = await index.writeFiles({ outputPath: job.bundleDir });
    if (written.errors.length) return { type: "failed", step, errors: written.errors };
    return { type: "done", pages: pageCount };
  } catch (error) {
    return { type: "failed", step, errors: [error instanceof Error ? error.message : String(error)] };
  } finally {
    await pagefind.close();
  }
}

// A build that is stopped takes its indexer with it: without this, the indexer could go on
// writing into the staging folder while the next build starts there.
process.once("disconnect", () => process.exit(1));

process.once("message", async (/** @type {IndexJob} */ job) => {
  // The IPC channel must not keep this process alive: if Pagefind's binary dies, nothing else
  // will, and the process has to exit for the build to learn of it.
  process.channel?.unref();
  await send(await run(job));
  process.removeAllListeners("disconnect");
  process.disconnect();
});
