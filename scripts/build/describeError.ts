import { ContentError } from "../content/problem.ts";
import { describeEnvironmentError } from "./environmentProblem.ts";
import { errorChain } from "./errorChain.ts";

/**
 * Eleventy wraps errors thrown by plugins and templates several times over. Find our own
 * ContentError in the chain (its message is written for editors), or an environment problem (a
 * full disk, a read-only file: said in one line with what to do); otherwise list the chain,
 * innermost last, which names the template that failed.
 */
export function describeError(error: unknown, root = process.cwd()): string {
  const chain = errorChain(error);
  const content = chain.find((e): e is ContentError => e instanceof ContentError || (e as Error)?.name === "ContentError");
  if (content) return content.message;
  const environment = describeEnvironmentError(error, root);
  if (environment) return environment;
  return chain.map((e) => (e instanceof Error ? e.message : String(e))).join("\n  caused by: ");
}
