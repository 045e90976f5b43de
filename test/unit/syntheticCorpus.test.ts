import { describe, expect, it } from "vitest";
import { VOCABULARY_SIZE, zipfSampler, zipfVocabulary } from "../../scripts/bench/zipfVocabulary.ts";
import { seededRandom } from "../../scripts/bench/seededRandom.ts";

describe("the benchmark corpus's words", () => {
  const next = seededRandom(1984);
  const vocabulary = zipfVocabulary(next);
  const draw = zipfSampler(vocabulary, next);
  const counts = new Map<string, number>();
  // About 250 analyses' worth of text.
  for (let i = 0; i < 200_000; i++) {
    const word = draw();
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const byFrequency = [...counts.values()].sort((a, b) => b - a);

  it("come from 30,000 distinct words, with realistic lengths", () => {
    expect(new Set(vocabulary).size).toBe(VOCABULARY_SIZE);
    expect(counts.size).toBeGreaterThan(15_000);
    const meanLength = [...counts].reduce((sum, [word, count]) => sum + word.length * count, 0) / 200_000;
    expect(meanLength).toBeGreaterThan(3.5);
    expect(meanLength).toBeLessThan(7);
  });

  it("follow Zipf's law: frequency falls as a power of rank, with an exponent near 1", () => {
    // The slope of log(frequency) against log(rank), between ranks 10 and 1,000.
    const slope = (Math.log(byFrequency[999]!) - Math.log(byFrequency[9]!)) / (Math.log(1000) - Math.log(10));
    expect(slope).toBeLessThan(-0.85);
    expect(slope).toBeGreaterThan(-1.3);
    // A few words make much of the text: the commonest hundred, about half of it.
    const top100 = byFrequency.slice(0, 100).reduce((a, b) => a + b, 0) / 200_000;
    expect(top100).toBeGreaterThan(0.35);
    expect(top100).toBeLessThan(0.65);
  });
});
