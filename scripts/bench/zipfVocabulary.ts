/**
 * Words for a synthetic corpus that behaves like real prose for a search index: a vocabulary of
 * 30,000 distinct words drawn with Zipf's law (the r-th most frequent word appears about 1/r^1.07
 * as often as the first), as in English text, where a few hundred words make half of any text and
 * most words are rare. A corpus of 30 repeated words makes indexing look far cheaper than it is.
 */

/** The commonest English words, in frequency order, and the subject's own words: the top ranks. */
const COMMON = (
  "the of and to a in that is was it for on as with by be this are or his from at which but not have " +
  "an they their has were its one been more would all there so if will can also other into than these " +
  "nuclear missile deterrence treaty warhead escalation alliance sanctions enrichment doctrine region " +
  "border exercise submarine reactor launch posture diplomacy verification arsenal stockpile readiness " +
  "ceasefire mobilisation inspection signalling negotiation strike forces government minister military"
).split(" ");

const ONSETS = ["", "b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z"];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"];
const CODAS = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck"];

export const VOCABULARY_SIZE = 30_000;
const EXPONENT = 1.07;

/**
 * The vocabulary, most frequent first: common words, then invented ones of one syllable more as
 * the rank grows (frequent words are short, rare ones long), each distinct.
 */
export function zipfVocabulary(next: () => number, size = VOCABULARY_SIZE): string[] {
  const words = [...COMMON];
  const seen = new Set(words);
  while (words.length < size) {
    const syllables = 1 + Math.floor(Math.log10(words.length) / 2) + Math.floor(next() * 2);
    let word = "";
    for (let s = 0; s < syllables; s++) {
      word += pick(ONSETS, next) + pick(VOWELS, next) + (s === syllables - 1 ? pick(CODAS, next) : "");
    }
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/** Draws words from `vocabulary` with Zipf frequencies (a binary search over cumulative weights). */
export function zipfSampler(vocabulary: readonly string[], next: () => number): () => string {
  const cumulative = new Float64Array(vocabulary.length);
  let total = 0;
  for (let rank = 0; rank < vocabulary.length; rank++) {
    total += 1 / (rank + 1) ** EXPONENT;
    cumulative[rank] = total;
  }
  return () => {
    const target = next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return vocabulary[low]!;
  };
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)]!;
}
