import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, statfs, writeFile } from "node:fs/promises";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainIndexFailure, type IndexerEnd } from "../../scripts/search/explainIndexFailure.ts";
import { PROJECT_ROOT, makeFixtureSite, runBuild, type BuildResult, type FixtureSite } from "../helpers/fixtureSite.ts";

/** What must never reach an editor's terminal: a Rust panic, its backtrace, Node stack frames. */
function expectNoTrace(output: string): void {
  expect(output).not.toContain("panicked at");
  expect(output).not.toContain("stack backtrace");
  expect(output).not.toContain("RUST_BACKTRACE");
  expect(output).not.toMatch(/^ {4}at /m);
}

/** Every file under `dir` by relative path, with a hash of its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), createHash("sha256").update(await readFile(file)).digest("hex"));
  }
  return files;
}

/** Bytes `dir` occupies on disk (whole blocks, as a full disk counts them). */
async function diskUsage(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).blocks * 512;
  }
  return bytes;
}

/** Why a small tmpfs cannot be mounted here, or undefined when it can (root, and mounts allowed). */
function cannotMount(): string | undefined {
  if (process.getuid?.() !== 0) return "mounting a tmpfs needs root";
  const probe = mkdtempSync(path.join(os.tmpdir(), "defcon-mount-probe-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "pipe" });
    execFileSync("umount", [probe], { stdio: "pipe" });
    return undefined;
  } catch (error) {
    const said = (error as { stderr?: Buffer }).stderr?.toString().trim().split("\n")[0] || (error as Error).message;
    return `mount -t tmpfs failed: ${said.replace(/\.$/, "")}`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const DISK_FULL = "Pagefind could not write the search index into _site.tmp/pagefind/: the disk is full (no space left on device). Free some space and build again.";

const mountProblem = cannotMount();
const describeDiskFull = mountProblem ? describe.skip : describe;
if (mountProblem) {
  // A container may forbid mounts even to root, so this is a skip, not a failure, under CI too.
  console.warn(`\n⚠️  SKIPPED "a build whose search index does not fit on the disk": ${mountProblem}.\n   Run the tests as root on a machine that allows tmpfs mounts to prove it.\n`);
}

describeDiskFull("a build whose search index does not fit on the disk", () => {
  let site: FixtureSite | undefined;
  let mountPoint: string | undefined;
  let mounted = false;
  let project: string;
  let before: Map<string, string>;
  let result: BuildResult;

  beforeAll(async () => {
    site = await makeFixtureSite();
    const first = await site.build();
    expect(first.code, first.output).toBe(0);
    const index = await diskUsage(path.join(site.output, "pagefind"));
    const pages = (await diskUsage(site.output)) - index;

    // The whole project on a small disk of its own: the build empties and recreates _site.tmp/
    // beside _site/, so the disk has to hold both (each with the CMS's bundle, about 6 MB).
    mountPoint = await mkdtemp(path.join(os.tmpdir(), "defcon-full-disk-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=32m", "tmpfs", mountPoint]);
    mounted = true;
    project = path.join(mountPoint, "project");
    await cp(site.root, project, { recursive: true, verbatimSymlinks: true });
    before = await snapshot(path.join(project, "_site"));

    // Leave room for Eleventy's pages and half of Pagefind's bundle, then fill the rest.
    const room = pages + Math.floor(index / 2);
    const fs = await statfs(mountPoint);
    await writeFile(path.join(mountPoint, "filler"), Buffer.alloc(fs.bavail * fs.bsize - room));

    // With RUST_BACKTRACE set, a panic that leaked would print its whole backtrace.
    result = await runBuild(project, { RUST_BACKTRACE: "1" });
  });

  afterAll(async () => {
    if (mounted && mountPoint) execFileSync("umount", [mountPoint]);
    if (mountPoint) await rm(mountPoint, { recursive: true, force: true });
    await site?.remove();
  });

  it("fails with one clear message naming the folder, and no panic or stack trace", () => {
    expect(result.code, result.output).not.toBe(0);
    expect(result.stderr).toContain("✖ The search index failed; _site/ was left as it was.");
    expect(result.stderr).toContain(DISK_FULL);
    expectNoTrace(result.output);
  });

  it("leaves the previous _site/ exactly as it was", async () => {
    expect(await snapshot(path.join(project, "_site"))).toEqual(before);
  });
});

const TSX_LOADER = pathToFileURL(path.join(PROJECT_ROOT, "node_modules/tsx/dist/loader.mjs")).href;

/**
 * Runs indexSearch on `dir` in a process of its own, as the build does, and prints what the build
 * would print on failure: so the test sees everything that would reach the terminal.
 */
function indexInChild(dir: string, env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const script = `
    import { indexSearch } from ${JSON.stringify(path.join(PROJECT_ROOT, "scripts/search/indexSearch.ts"))};
    import { planSearchShards } from ${JSON.stringify(path.join(PROJECT_ROOT, "scripts/search/searchShards.ts"))};
    const shards = planSearchShards({ analyses: [{ slug: "one", date: "2024-01-01" }], assessments: [] });
    try {
      console.log(JSON.stringify(await indexSearch(${JSON.stringify(dir)}, { history: [], meanings: {} }, shards)));
    } catch (error) {
      console.error("✖ " + error.name + ": " + error.message);
      process.exitCode = 1;
    }`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", TSX_LOADER, "--input-type=module", "--eval", script],
      { cwd: dir, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

describe("an indexer failure other than a full disk", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "defcon-search-failure-"));
    await mkdir(path.join(dir, "articles/one"), { recursive: true });
    await writeFile(path.join(dir, "articles/one/index.html"), '<!doctype html><html lang="en"><body><article data-pagefind-body><h1>One</h1></article></body></html>');
    // A file where Pagefind's bundle folder must go: it cannot create the folder (even as root).
    await writeFile(path.join(dir, "pagefind"), "in the way");
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("is summed up in one line, without the panic's backtrace", async () => {
    const { code, output } = await indexInChild(dir, { RUST_BACKTRACE: "1" });
    expect(code, output).toBe(1);
    // Pagefind writes in parallel: whichever write meets the file first names the error.
    expect(output).toMatch(
      /^✖ SearchIndexError: Pagefind could not write the search index into pagefind\/: (File exists \(os error 17\)|Not a directory \(os error 20\))\. Run the build with DEFCON_DEBUG=1 to see Pagefind's whole output\.$/m,
    );
    expectNoTrace(output);
  });

  it("shows Pagefind's whole output when DEFCON_DEBUG=1 asks for it", async () => {
    const { code, output } = await indexInChild(dir, { RUST_BACKTRACE: "1", DEFCON_DEBUG: "1" });
    expect(code, output).toBe(1);
    expect(output).toContain("panicked at");
    expect(output).toContain("stack backtrace");
  });
});

describe("explainIndexFailure", () => {
  const step = "write the search index into _site.tmp/pagefind/";
  const panic = (error: string) =>
    `thread 'main' (7) panicked at pagefind/src/output/mod.rs:464:36:\ncalled \`Result::unwrap()\` on an \`Err\` value: ${error}\nstack backtrace:\n   0: std::panicking::begin_panic\n`;
  const ended = (output: string, more: Partial<IndexerEnd> = {}): IndexerEnd => ({ step, output, code: 0, signal: null, ...more });

  it("says a denied permission, a read-only disk or an exceeded quota in words, with the remedy", () => {
    expect(explainIndexFailure(ended(panic('Os { code: 122, kind: QuotaExceeded, message: "Disk quota exceeded" }')))).toBe(
      `Pagefind could not ${step}: the disk quota is exceeded. Free some space and build again.`,
    );
    expect(explainIndexFailure(ended(panic('Os { code: 13, kind: PermissionDenied, message: "Permission denied" }')))).toBe(
      `Pagefind could not ${step}: permission denied. Check that you may write to the project folder, then build again.`,
    );
    expect(explainIndexFailure(ended(panic('Os { code: 30, kind: ReadOnlyFilesystem, message: "Read-only file system" }')))).toBe(
      `Pagefind could not ${step}: the disk is read-only. Build on a writable disk.`,
    );
  });

  it("recognises a full disk in Pagefind's own errors too, not only in a panic", () => {
    const end = ended("", { errors: ["Failed to write pagefind.js: No space left on device (os error 28)"] });
    expect(explainIndexFailure(end)).toMatch(/: the disk is full \(no space left on device\)\. Free some space and build again\.$/);
  });

  it("keeps Pagefind's own errors as they are when it answered rather than crashed", () => {
    expect(explainIndexFailure(ended("", { step: "index articles/*/index.html", errors: ["one", "two"] }))).toBe(
      "Pagefind could not index articles/*/index.html: one; two",
    );
  });

  it("sums up anything else in one line: a panic's message, a Node error, a signal", () => {
    expect(explainIndexFailure(ended(panic("index out of bounds")))).toBe(
      `Pagefind could not ${step}: called \`Result::unwrap()\` on an \`Err\` value: index out of bounds. Run the build with DEFCON_DEBUG=1 to see Pagefind's whole output.`,
    );
    const nodeCrash = "file:///x/indexWorker.js:3\n  throw new Error('boom');\n  ^\n\nError [ERR_X]: boom\n    at run (file:///x/indexWorker.js:3:9)\n";
    expect(explainIndexFailure(ended(nodeCrash, { code: 1 }))).toContain(`${step}: Error [ERR_X]: boom. Run the build`);
    expect(explainIndexFailure(ended(panic("index out of bounds"), { errors: ["Pagefind backend closed"] }))).toContain("value: index out of bounds. Run");
    expect(explainIndexFailure(ended("", { code: null, signal: "SIGKILL" }))).toContain("stopped by SIGKILL (often: the system ran out of memory)");
    expect(explainIndexFailure(ended("", { code: 13 }))).toContain("the indexer process ended (exit code 13) without saying why");
  });
});
