/**
 * `npm run build`: builds the project in the current folder (scripts/build/productionBuild.ts says
 * how, step by step) and exits non-zero, with the reason in words, if it cannot publish.
 * `npm run build` runs it compiled (scripts/build/compileScripts.js), naming the compiled Eleventy
 * configuration as its argument; run by hand with tsx, it renders with .eleventy.js.
 */
import "./build/oneOffEleventy.ts";
import { reportingEnvironmentProblems } from "./build/environmentProblem.ts";
import { productionBuild } from "./build/productionBuild.ts";

const root = process.cwd();
const eleventyConfig = process.argv[2];
process.exitCode = await reportingEnvironmentProblems(root, () => productionBuild(root, eleventyConfig));
