import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The arguments to Node of one of package.json's scripts ("node --import tsx … --serve …"), so
 * that the benches and the tests run exactly the command editors run.
 */
export function packageCommandArgs(projectRoot: string, script: "build" | "start" | "new" | "assess"): string[] {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string | undefined> };
  const command = pkg.scripts[script] ?? "";
  const [program, ...args] = command.split(/\s+/).filter((word) => word !== "");
  if (program !== "node") throw new Error(`package.json's ${script} script no longer starts with node: ${command}`);
  return args;
}

/** `npm start`'s arguments to Node. */
export function startCommandArgs(projectRoot: string): string[] {
  return packageCommandArgs(projectRoot, "start");
}

/** `npm run build`'s arguments to Node. */
export function buildCommandArgs(projectRoot: string): string[] {
  return packageCommandArgs(projectRoot, "build");
}
