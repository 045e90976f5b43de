/**
 * The baseline the full build is compared with: what a user would set up instead. A bare
 * Eleventy project renders the same Markdown analyses with one Nunjucks layout, then Pagefind's
 * CLI indexes the output; no validation, gates, feeds, share cards or service worker.
 */
import { copyFile, mkdir, readdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { runMeasured } from "./measuredProcess.ts";
import { combineTreeMemory, type TreeMemory } from "./processTreeMemory.ts";

/** Files copied at once: thousands of analyses must not open thousands of files together. */
const COPY_CONCURRENCY = 32;

const LAYOUT = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
</head>
<body>
<main data-pagefind-body><h1>{{ title }}</h1>{{ content | safe }}</main>
</body>
</html>
`;

const CONFIG = `export const config = {
  dir: { input: "site", output: "_site", includes: "_includes" },
};
`;

/**
 * Writes the bare project into `dest`: the analyses of the bench's project copy (after
 * writeSyntheticCorpus), the layout, applied by a directory data file, and a minimal config;
 * node_modules is the project's, shared through a symlink as copyProject does.
 */
export async function createNaturalStack(benchRoot: string, dest: string, projectRoot: string): Promise<void> {
  const from = path.join(benchRoot, "site/articles");
  const articles = path.join(dest, "site/articles");
  await mkdir(articles, { recursive: true });
  await mkdir(path.join(dest, "site/_includes"), { recursive: true });
  const limit = pLimit(COPY_CONCURRENCY);
  const markdown = (await readdir(from)).filter((name) => name.endsWith(".md"));
  await Promise.all(markdown.map((name) => limit(() => copyFile(path.join(from, name), path.join(articles, name)))));
  await writeFile(path.join(articles, "articles.json"), JSON.stringify({ layout: "analysis.njk" }) + "\n");
  await writeFile(path.join(dest, "site/_includes/analysis.njk"), LAYOUT);
  await writeFile(path.join(dest, "eleventy.config.js"), CONFIG);
  await writeFile(path.join(dest, "package.json"), JSON.stringify({ name: "natural-stack", private: true, type: "module" }, null, 2) + "\n");
  await symlink(path.join(projectRoot, "node_modules"), path.join(dest, "node_modules"), "dir");
}

/** The natural stack's dev server: Eleventy's own `--serve --incremental`, quiet as `npm start` is. */
export const NATURAL_DEV_SERVER_ARGS = ["node_modules/@11ty/eleventy/cmd.cjs", "--serve", "--incremental", "--quiet"];

export interface NaturalStackRun {
  /** Eleventy's command plus Pagefind's, each timed as its own process. */
  wallSeconds: number;
  eleventySeconds: number;
  pagefindSeconds: number;
  memory: TreeMemory | undefined;
}

/**
 * `npx @11ty/eleventy --quiet && npx pagefind --site _site` from an empty output folder.
 * Eleventy runs quiet, as the full build does, so that logging 4,000 file names does not count
 * against the baseline. Pagefind's npm command is a Node wrapper that runs its
 * `pagefind_extended` binary; both are in the measured process tree.
 */
export async function runNaturalStack(root: string): Promise<NaturalStackRun> {
  await rm(path.join(root, "_site"), { recursive: true, force: true });
  const eleventy = await runMeasured(process.execPath, ["node_modules/@11ty/eleventy/cmd.cjs", "--quiet"], { cwd: root });
  const pagefind = await runMeasured(process.execPath, ["node_modules/.bin/pagefind", "--site", "_site"], { cwd: root });
  return {
    wallSeconds: eleventy.wallSeconds + pagefind.wallSeconds,
    eleventySeconds: eleventy.wallSeconds,
    pagefindSeconds: pagefind.wallSeconds,
    memory: combineTreeMemory([eleventy.memory, pagefind.memory]),
  };
}
