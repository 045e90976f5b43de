/**
 * The fonts the share cards are drawn with: Noto Sans (SIL Open Font License, fonts/OFL.txt),
 * regular and bold, in the Latin, Latin Extended, Cyrillic and Greek subsets that Fontsource
 * publishes, shipped in the repository so that a build downloads nothing. cardWorker.js loads
 * every file in fonts/ as the family "Noto Sans <subset>"; this module says which characters they draw.
 */

/** The card's font-family: each subset in turn, Latin first (satori falls back family by family). */
export const CARD_FONT_FAMILY = ["latin", "latin-ext", "cyrillic", "greek"].map((subset) => `Noto Sans ${subset}`).join(", ");

/** The Unicode ranges of the shipped subsets, as Fontsource declares them. */
const COVERED_RANGES: readonly (readonly [number, number])[] = parseRanges(
  // latin
  "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD," +
    // latin-ext
    "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF," +
    // cyrillic
    "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116," +
    // greek
    "U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF",
);

function parseRanges(list: string): [number, number][] {
  return list.split(",").map((range) => {
    const [from, to = from] = range.replace("U+", "").split("-") as [string, string?];
    return [parseInt(from, 16), parseInt(to, 16)];
  });
}

/** Whether the card fonts draw every character of `text` (a title in another script would be blank). */
export function drawnByCardFonts(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (!COVERED_RANGES.some(([from, to]) => code >= from && code <= to)) return false;
  }
  return true;
}
