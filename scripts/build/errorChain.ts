/**
 * An error and the errors it wraps, outermost first. Eleventy wraps errors in `originalError`,
 * Node and our own code in `cause`; ten levels is deeper than either goes.
 */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e && chain.length < 10; ) {
    chain.push(e);
    e = (e as { originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return chain;
}
