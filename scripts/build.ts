/**
 * `npm run build`: builds the project in the current folder (scripts/build/productionBuild.ts says
 * how, step by step) and exits non-zero, with the reason in words, if it cannot publish.
 */
import { reportingEnvironmentProblems } from "./build/environmentProblem.ts";
import { productionBuild } from "./build/productionBuild.ts";

const root = process.cwd();
process.exitCode = await reportingEnvironmentProblems(root, () => productionBuild(root));
