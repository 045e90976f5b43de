// @ts-check
/**
 * Runs one of the editors' commands (package.json's `new` and `assess`) compiled to plain
 * JavaScript (scripts/build/compileScripts.js), in this process: an editor waits for Node alone,
 * not for tsx to start and load every module.
 *
 *   node scripts/compiledCommand.js scripts/cli/newAnalysis.ts [the command's arguments…]
 *
 * The command sees its own arguments as if it had been run directly.
 *
 * Plain JavaScript, checked by tsc through its JSDoc types: it runs before anything can load
 * TypeScript.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compileScripts } from "./build/compileScripts.js";

const [source] = process.argv.splice(2, 1);
if (source === undefined || !source.endsWith(".ts")) {
  console.error("Usage: node scripts/compiledCommand.js <scripts/…/command.ts> [arguments…]");
  process.exit(2);
}
const name = path.basename(source, ".ts");
let compiled;
try {
  compiled = (await compileScripts(process.cwd(), name, { [name]: source }))[name];
} catch (error) {
  console.error(`✖ The command's code could not be compiled; nothing was changed.\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// A fault in the command's own code is reported at its TypeScript lines, as under tsx.
process.setSourceMapsEnabled(true);
process.argv[1] = path.resolve(source);
await import(pathToFileURL(/** @type {string} */ (compiled)).href);
