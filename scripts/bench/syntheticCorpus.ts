import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { zipfSampler, zipfVocabulary } from "./zipfVocabulary.ts";
import { seededRandom } from "./seededRandom.ts";

const REGIONS = ["Asia-Pacific", "Eastern Europe", "Middle East", "South Asia", "North America", "Global"];

/** A sentence of 12 to 25 words drawn with Zipf frequencies (zipfVocabulary.ts). */
function sentence(next: () => number, word: () => string): string {
  const length = 12 + Math.floor(next() * 14);
  const words = Array.from({ length }, word);
  return words.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".";
}

/** The seed of every synthetic corpus: the same corpus for the same count, run after run. */
export const CORPUS_SEED = 1984;

/**
 * The words a synthetic corpus draws from, most frequent first: the same list that
 * writeSyntheticCorpus makes, since making it is the first use of the seeded numbers there.
 */
export function corpusVocabulary(): string[] {
  return zipfVocabulary(seededRandom(CORPUS_SEED));
}

/**
 * Replaces a project copy's analyses and level history with `count` synthetic analyses of
 * realistic length (about 800 words, headings, a list) spread from 1984 to 2025, and a history
 * of one assessment a month over the same span.
 */
/** The file name (without ".md") and slug of the corpus's `n`th analysis, counting from 1. */
export function syntheticSlug(n: number): string {
  return `synthetic-${String(n).padStart(5, "0")}`;
}

/** A synthetic analysis's text with `suffix` in place of its title's words, keeping "Synthetic analysis N:". */
export function withEditedTitle(text: string, suffix: string): string {
  return text.replace(/^title: "(Synthetic analysis \d+:).*"$/m, `title: "$1 ${suffix}"`);
}

export async function writeSyntheticCorpus(root: string, count: number): Promise<void> {
  const next = seededRandom(CORPUS_SEED);
  const word = zipfSampler(zipfVocabulary(next), next);
  const say = () => sentence(next, word);
  const analysesDir = path.join(root, "site/articles");
  await mkdir(analysesDir, { recursive: true });
  for (const name of await readdir(analysesDir)) {
    if (name.endsWith(".md")) await rm(path.join(analysesDir, name));
  }
  const start = Date.UTC(1984, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  for (let i = 0; i < count; i++) {
    const date = new Date(start + Math.floor((span * (i + next())) / count)).toISOString().slice(0, 10);
    const regions = [REGIONS[i % REGIONS.length]!, ...(next() < 0.3 ? [REGIONS[(i + 2) % REGIONS.length]!] : [])];
    const paragraphs = Array.from({ length: 10 }, () => Array.from({ length: 5 }, () => say()).join(" "));
    const body = [
      paragraphs.slice(0, 3).join("\n\n"),
      "## Background",
      paragraphs.slice(3, 6).join("\n\n"),
      "## Implications",
      "- " + say() + "\n- " + say() + "\n- " + say(),
      paragraphs.slice(6).join("\n\n"),
    ].join("\n\n");
    const front = [
      "---",
      `title: "Synthetic analysis ${i + 1}: ${say().slice(0, 60).replace(/\.$/, "")}"`,
      `date: "${date}"`,
      `summary: "${say()}"`,
      `regions: ${JSON.stringify(regions)}`,
      "---",
    ].join("\n");
    await writeFile(path.join(analysesDir, `${syntheticSlug(i + 1)}.md`), `${front}\n\n${body}\n`);
  }

  const assessments = [];
  let level = 5;
  for (let month = 0; month < 42 * 12; month++) {
    const roll = next();
    if (roll < 0.08 && level > 2) level--;
    else if (roll > 0.85 && level < 5) level++;
    const day = new Date(Date.UTC(1984, month, 1)).toISOString().slice(0, 10);
    assessments.push({ date: day, level, reason: say() });
  }
  await writeFile(path.join(root, "_data/levels.json"), JSON.stringify({ assessments }, null, 1));
}
