/** Words per minute of careful reading of dense analysis (slower than the usual 250). */
const WORDS_PER_MINUTE = 220;

/** Minutes to read an HTML fragment, at least 1. */
export function readingTime(html: string): number {
  const words = html
    .replace(/<[^>]*>/g, " ")
    .split(/\s+/)
    .filter((word) => /\w/.test(word)).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
