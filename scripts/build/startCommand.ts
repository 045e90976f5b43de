import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * `npm start`'s arguments to Node, as package.json says them ("node --import tsx … --serve …"),
 * so that the edit-loop bench and the dev server's tests run exactly the command editors run.
 */
export function startCommandArgs(projectRoot: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: { start: string } };
  const [program, ...args] = pkg.scripts.start.split(/\s+/).filter((word) => word !== "");
  if (program !== "node") throw new Error(`package.json's start script no longer starts with node: ${pkg.scripts.start}`);
  return args;
}
