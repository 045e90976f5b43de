import { ContentError } from "../content/problem.ts";

/**
 * Eleventy wraps errors thrown by plugins and templates several times over. Find our own
 * ContentError in the chain (its message is written for editors); otherwise list the chain,
 * innermost last, which names the template that failed.
 */
export function describeError(error: unknown): string {
  const chain: unknown[] = [];
  for (let e: unknown = error; e && chain.length < 10; ) {
    chain.push(e);
    const next = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
    e = next;
  }
  const content = chain.find((e): e is ContentError => e instanceof ContentError || (e as Error)?.name === "ContentError");
  if (content) return content.message;
  return chain.map((e) => (e instanceof Error ? e.message : String(e))).join("\n  caused by: ");
}
