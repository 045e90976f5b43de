import { slugify } from "../content/slugify.ts";

/**
 * Latin letters that Unicode does not split into a base letter and an accent, so slugify would
 * drop them ("Straße" → "stra-e"); written as English keyboards write them.
 */
const UNSPLIT_LETTERS: Record<string, string> = {
  ß: "ss", æ: "ae", Æ: "Ae", œ: "oe", Œ: "Oe", ø: "o", Ø: "O", ł: "l", Ł: "L",
  đ: "d", Đ: "D", ð: "d", Ð: "D", þ: "th", Þ: "Th", ı: "i", ħ: "h", Ħ: "H",
};

/**
 * An analysis's file name from its title: "Russia's Nuclear Doctrine: Éléments" →
 * "russias-nuclear-doctrine-elements". Accents are dropped, an apostrophe joins its word rather
 * than splitting it, and everything else that is not a letter or digit separates words. A title
 * in another script (Cyrillic, Arabic…) gives "", and the editor chooses the name.
 */
export function analysisSlug(title: string): string {
  const latin = title.replace(/[ßæÆœŒøØłŁđĐðÐþÞıħĦ]/g, (letter) => UNSPLIT_LETTERS[letter] ?? letter);
  return slugify(latin.replace(/['’ʼ]/g, ""));
}
