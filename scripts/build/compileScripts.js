// @ts-check
/**
 * Compiles our TypeScript programs to plain JavaScript: the production build for `npm run build`
 * (scripts/buildCommand.js), scripts/build.ts and the project's Eleventy configuration
 * (.eleventy.js), and the editors' commands (scripts/compiledCommand.js); each with every module
 * of ours it imports, bundled by esbuild; packages stay where npm put them.
 *
 * Why: under tsx, Node asks tsx's loader about every module it loads, Eleventy's hundreds
 * included, and starts tsx itself: the compiled build takes about a second of processor time
 * less, an editor's command about three quarters of a second less (docs/performance.md). A
 * program's entries share their modules (esbuild's code splitting), so the build and the Eleventy
 * configuration it hands to Eleventy see one copy of each module, as they do under tsx.
 *
 * A module's `import.meta.url` stays its source file's address, so the files it finds beside
 * itself (workers, fonts, the service worker's source) are found as they are under tsx.
 *
 * The result is kept in node_modules/.cache/defcon-build/, one folder per distinct output, and
 * reused while the files it was compiled from read the same (their contents' digest: a copy of the
 * project, whose files have new modification times, reuses it too), so a build with unchanged code
 * does not run esbuild at all. Builds started at the same moment may both compile; each writes its
 * folder under a temporary name and renames it, so neither sees half of the other's.
 *
 * Plain JavaScript, checked by tsc through its JSDoc types: it runs before anything can load
 * TypeScript.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, utimesSync } from "node:fs";
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DEPENDENCY_CACHE } from "./dependencyCache.js";

/** Where compiled programs are kept. */
export const COMPILED_BUILD_CACHE = DEPENDENCY_CACHE;
/** Where esbuild is told it writes, beside the folders its output is moved to (source maps' relative paths hold there). */
const OUTDIR = "compiled";
/** The record of a program's last compilation: what it was compiled from, and where it was put. */
const lastCompiledFile = (/** @type {string} */ program) => `last-compiled-${program}.json`;
/** Compiled folders kept besides the one in use, for builds still running an older one. */
const KEEP = 8;
/**
 * A compiled folder used more recently than this is never removed: a build, or a test run's build
 * hosts, loads files from it for as long as it runs (Eleventy reads its configuration at each
 * build), however many other versions are compiled meanwhile.
 */
const IN_USE_MS = 6 * 60 * 60 * 1000;
/** Read by esbuild besides the modules it bundles: a change to them changes the output. */
const SETTINGS = ["package.json", "tsconfig.json"];
/** The ending of a file or folder being written, before it is renamed into place. */
const WRITING = ".tmp";
let writings = 0;
/**
 * A name for something being written, unique to this write: compilations run side by side in
 * one process (a test run's build hosts) as well as in several.
 * @param {string} final
 */
const writingName = (final) => `${final}.${process.pid}-${++writings}${WRITING}`;

/**
 * @typedef {object} CompiledBuild
 * @property {string} entry The compiled scripts/build.ts, to run with Node.
 * @property {string} eleventyConfig The compiled .eleventy.js, for the build to hand to Eleventy.
 */

/** @typedef {Record<string, string>} Entries Each compiled file's name (without `.mjs`) and its source, relative to the project. */

/**
 * @typedef {object} LastCompiled
 * @property {string} folder
 * @property {string[]} inputs The files compiled from: relative to the project when inside it.
 * @property {string} digest Of those files' contents, in that order.
 */

/**
 * The digest of the files' contents, or undefined if one is gone: as `compiled` holds them (what
 * esbuild compiled, so that an edit made during the compilation is not taken as compiled), else
 * as they are on disk.
 * @param {string} root
 * @param {string[]} inputs
 * @param {Map<string, Buffer>} [compiled] contents by absolute path
 * @returns {string | undefined}
 */
function digestOf(root, inputs, compiled = new Map()) {
  const hash = createHash("sha256");
  for (const input of inputs) {
    const file = path.resolve(root, input);
    try {
      hash.update(input).update("\0").update(compiled.get(file) ?? readFileSync(file)).update("\0");
    } catch {
      return undefined;
    }
  }
  return hash.digest("hex");
}

/**
 * Each compiled entry's path in `folder`.
 * @param {string} folder the compiled folder
 * @param {Entries} entries
 * @returns {Record<string, string>}
 */
function compiledIn(folder, entries) {
  return Object.fromEntries(Object.keys(entries).map((name) => [name, path.join(folder, `${name}.mjs`)]));
}

/**
 * The program's last compilation, if every file it was compiled from is as it was then.
 * @param {string} root
 * @param {string} cache
 * @param {string} program
 * @param {Entries} entries
 * @returns {Record<string, string> | undefined}
 */
function unchanged(root, cache, program, entries) {
  /** @type {LastCompiled} */
  let last;
  try {
    last = JSON.parse(readFileSync(path.join(cache, lastCompiledFile(program)), "utf8"));
  } catch {
    return undefined;
  }
  const folder = path.join(cache, last.folder);
  const compiled = compiledIn(folder, entries);
  if (!Object.values(compiled).every((file) => existsSync(file))) return undefined;
  if (digestOf(root, last.inputs) !== last.digest) return undefined;
  markUsed(folder);
  return compiled;
}

/**
 * Records that a compiled folder is in use now (its modification time), so that pruning spares it.
 * @param {string} folder
 */
function markUsed(folder) {
  try {
    const now = new Date();
    utimesSync(folder, now, now);
  } catch {
    // Read-only: it is only a hint for pruning.
  }
}

/**
 * An esbuild plugin that reads our modules for esbuild: each keeps its own file's address as
 * `import.meta.url`, and what was read is kept in `read`, by path.
 * @param {Map<string, Buffer>} read
 * @returns {import("esbuild").Plugin}
 */
function readingSources(read) {
  return {
    name: "reading-sources",
    setup(build) {
      build.onLoad({ filter: /\.(ts|js)$/ }, async (args) => {
        const bytes = await readFile(args.path);
        read.set(args.path, bytes);
        return {
          contents: bytes.toString("utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
          loader: args.path.endsWith(".ts") ? "ts" : "js",
        };
      });
    },
  };
}

/**
 * Puts the compiled files in `cache`, in a folder named by their digest, unless that folder is
 * there already; resolves to its name.
 * @param {string} cache
 * @param {import("esbuild").OutputFile[]} outputFiles
 * @returns {Promise<string>}
 */
async function placeOutput(cache, outputFiles) {
  const hash = createHash("sha256");
  for (const file of [...outputFiles].sort((a, b) => a.path.localeCompare(b.path))) hash.update(path.basename(file.path)).update(file.contents);
  const name = hash.digest("hex").slice(0, 16);
  const folder = path.join(cache, name);
  if (existsSync(folder)) {
    markUsed(folder);
    return name;
  }
  const writing = writingName(folder);
  await mkdir(writing, { recursive: true });
  const written = path.join(cache, OUTDIR);
  await Promise.all(outputFiles.map((file) => writeFile(path.join(writing, path.relative(written, file.path)), file.contents)));
  // Another build may have put the same folder in place meanwhile: its copy is as good.
  await rename(writing, folder).catch(() => rm(writing, { recursive: true, force: true }));
  return name;
}

/**
 * Removes compiled folders beyond the newest few, oldest first, if none has used them for hours.
 * @param {string} cache
 * @param {string} current
 */
async function pruneOlder(cache, current) {
  const entries = await readdir(cache, { withFileTypes: true });
  const folders = [];
  for (const entry of entries) {
    // Another compilation's folder still being written is renamed into place or dropped at any moment.
    if (!entry.isDirectory() || entry.name === current || entry.name.endsWith(WRITING)) continue;
    const full = path.join(cache, entry.name);
    // Gone since it was listed: another compilation pruned it.
    const found = await stat(full).catch(() => undefined);
    if (found) folders.push({ full, time: found.mtimeMs });
  }
  folders.sort((a, b) => b.time - a.time);
  const unusedSince = Date.now() - IN_USE_MS;
  const unused = folders.slice(KEEP).filter(({ time }) => time < unusedSince);
  await Promise.all(unused.map(({ full }) => rm(full, { recursive: true, force: true })));
}

/**
 * Compiles the build of the project in `root`, or finds it compiled already.
 * @param {string} root
 * @returns {Promise<CompiledBuild>}
 */
export async function compileBuild(root) {
  const compiled = await compileScripts(root, "build", { build: "scripts/build.ts", "eleventy-config": ".eleventy.js" });
  return { entry: /** @type {string} */ (compiled["build"]), eleventyConfig: /** @type {string} */ (compiled["eleventy-config"]) };
}

/**
 * Compiles one of the project's programs, or finds it compiled already; resolves to each entry's
 * compiled file.
 * @param {string} root the project
 * @param {string} program a name for the program, for its record of what it was compiled from
 * @param {Entries} entries
 * @returns {Promise<Record<string, string>>}
 */
export async function compileScripts(root, program, entries) {
  await mkdir(path.join(root, COMPILED_BUILD_CACHE), { recursive: true });
  // A copy of the project may link its dependencies to the project's: one cache serves both.
  const cache = await realpath(path.join(root, COMPILED_BUILD_CACHE));
  const ready = unchanged(root, cache, program, entries);
  if (ready) return ready;

  const { build } = await import("esbuild");
  /** @type {Map<string, Buffer>} */
  const read = new Map();
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outdir: path.join(cache, OUTDIR),
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    sourcemap: "linked",
    metafile: true,
    write: false,
    logLevel: "silent",
    plugins: [readingSources(read)],
  });

  const name = await placeOutput(cache, result.outputFiles);
  const folder = path.join(cache, name);

  const inputs = [...Object.keys(result.metafile.inputs), ...SETTINGS.filter((file) => existsSync(path.join(root, file)))].map((file) => {
    const relative = path.relative(root, path.resolve(root, file));
    return relative.startsWith("..") ? path.resolve(root, file) : relative;
  });
  const digest = digestOf(root, inputs, read);
  if (digest === undefined) return compiledIn(folder, entries);
  /** @type {LastCompiled} */
  const last = { folder: name, inputs, digest };
  const record = writingName(path.join(cache, lastCompiledFile(program)));
  await writeFile(record, JSON.stringify(last));
  await rename(record, path.join(cache, lastCompiledFile(program)));
  await pruneOlder(cache, name);
  return compiledIn(folder, entries);
}
