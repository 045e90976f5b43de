import path from "node:path";
import { describeEnvironmentError } from "../build/environmentProblem.ts";
import { Refusal, UsageError } from "./commandErrors.ts";
import { EXIT } from "./exitCodes.ts";

/**
 * Runs an editor's command and turns how it ended into an exit code (exitCodes.ts) and lines on
 * stderr: a refusal, a usage error or a problem with the machine is said in words, never as a
 * stack trace. Anything else is a bug, thrown on so that Node prints where it happened.
 */
export async function runCommand(name: string, command: () => Promise<void>): Promise<number> {
  try {
    await command();
    return EXIT.done;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`✖ ${error.message}. See: npm run ${name} -- --help`);
      return EXIT.usage;
    }
    if (error instanceof Refusal) {
      for (const line of error.lines) console.error(`✖ ${line}`);
      return EXIT.refused;
    }
    const environment = describeEnvironmentError(error, process.cwd()) ?? missingFile(error, name);
    if (environment === undefined) throw error;
    console.error(`✖ ${environment}`);
    return EXIT.environment;
  }
}

/** A file or folder of the project that is not there: the command was run outside the project, or it was moved. */
function missingFile(error: unknown, name: string): string | undefined {
  const { code, path: missing } = error as { code?: unknown; path?: unknown };
  if (code !== "ENOENT" || typeof missing !== "string") return undefined;
  const shown = path.relative(process.cwd(), missing).split(path.sep).join("/");
  return `${shown} does not exist; run npm run ${name} in the project's folder, which has it`;
}
