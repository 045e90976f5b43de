/**
 * The words searched for by the benchmarks, all taken from the synthetic corpus's vocabulary so
 * that every query has results: a first query, then queries typed into the search box, frequent
 * words of the subject alternating with invented words of middling frequency (an index chunk of
 * a different size).
 */
import { corpusVocabulary } from "./syntheticCorpus.ts";

export interface SearchWord {
  word: string;
  /** 1 for the corpus's most frequent word. */
  rank: number;
}

/** Frequent words of the subject (ranks 49–55 of 30,000). */
const FREQUENT = ["treaty", "missile", "sanctions"];
/** Ranks of the invented words typed between them: about 230 and 60 uses per 1,000 analyses. */
const MIDDLING_RANKS = [300, 1000];

function ranked(vocabulary: readonly string[], word: string): SearchWord {
  const index = vocabulary.indexOf(word);
  if (index < 0) throw new Error(`"${word}" is not in the synthetic corpus's vocabulary (scripts/bench/zipfVocabulary.ts)`);
  return { word, rank: index + 1 };
}

/** The first query: "deterrence", the subject's word, present in every corpus. */
export function firstQueryWord(): SearchWord {
  return ranked(corpusVocabulary(), "deterrence");
}

/** Five words to type, frequent and middling alternately. */
export function typedQueryWords(): SearchWord[] {
  const vocabulary = corpusVocabulary();
  const middling = MIDDLING_RANKS.map((rank) => ranked(vocabulary, vocabulary[rank - 1]!));
  const frequent = FREQUENT.map((word) => ranked(vocabulary, word));
  return [frequent[0]!, middling[0]!, frequent[1]!, middling[1]!, frequent[2]!];
}
