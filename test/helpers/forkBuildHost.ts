/**
 * Starts a build host (buildHost.ts) compiled to plain JavaScript, as `npm run build` runs the
 * build (scripts/build/compileScripts.js): without tsx, whose loader Node would otherwise ask
 * about every module each build loads, Eleventy's included. The host is compiled with the
 * project's Eleventy configuration, which it renders every fixture with.
 */
import { fork, type ChildProcess, type StdioOptions } from "node:child_process";
import { compileScripts } from "../../scripts/build/compileScripts.js";
import { PROJECT_ROOT } from "./projectRoot.ts";

export interface CompiledBuildHost {
  entry: string;
  eleventyConfig: string;
}

let compiling: Promise<CompiledBuildHost> | undefined;

/** The compiled host, compiled once per process (and kept between runs while the code is the same). */
export function compileBuildHost(): Promise<CompiledBuildHost> {
  compiling ??= compileScripts(PROJECT_ROOT, "build-host", {
    "build-host": "test/helpers/buildHost.ts",
    "eleventy-config": ".eleventy.js",
  }).then((compiled) => ({ entry: compiled["build-host"]!, eleventyConfig: compiled["eleventy-config"]! }));
  return compiling;
}

/** Forks a compiled host; it answers build requests over IPC (buildHostPool.ts). */
export function forkBuildHost(compiled: CompiledBuildHost, stdio: StdioOptions = "pipe"): ChildProcess {
  return fork(compiled.entry, [compiled.eleventyConfig], {
    cwd: PROJECT_ROOT,
    // A fault in the build's own code is reported at its TypeScript lines, as in `npm run build`.
    execArgv: ["--enable-source-maps"],
    stdio,
  });
}
