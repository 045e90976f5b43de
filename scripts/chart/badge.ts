import type { LevelNumber } from "../level/types.ts";

/**
 * The badge is a standalone image shown on other sites, so it cannot use the site's CSS
 * custom properties: these are the light-theme level colours of site.css (a unit test keeps
 * them equal), with the text colour that passes contrast on each.
 */
export const BADGE_COLOURS: Record<LevelNumber, { fill: string; text: string }> = {
  5: { fill: "#17683a", text: "#ffffff" },
  4: { fill: "#1b4f93", text: "#ffffff" },
  3: { fill: "#f2c230", text: "#1b1d21" },
  2: { fill: "#ee8a2a", text: "#1b1d21" },
  1: { fill: "#b3261e", text: "#ffffff" },
};

export interface BadgePart {
  text: string;
  x: number;
  width: number;
  /** Where the text is centred, and the length it is stretched to, so every renderer agrees on the width. */
  textX: number;
  textLength: number;
}

export interface Badge {
  width: number;
  height: number;
  /** "DEFCON 4 · BLUE": what the badge says, also its accessible name. */
  label: string;
  left: BadgePart;
  right: BadgePart;
  fill: string;
  text: string;
  labelFill: string;
}

/** Bold 11px sans-serif capitals average about 7.5 units wide; textLength makes it exact. */
const CHAR_WIDTH = 7.5;
const PADDING = 7;

export function badge(level: LevelNumber, colourWord: string): Badge {
  const leftText = `DEFCON ${level}`;
  const rightText = colourWord.toUpperCase();
  const left = part(leftText, 0);
  const right = part(rightText, left.width);
  const colours = BADGE_COLOURS[level];
  return {
    width: left.width + right.width,
    height: 20,
    label: `${leftText} · ${rightText}`,
    left,
    right,
    fill: colours.fill,
    text: colours.text,
    labelFill: "#2b2f36",
  };
}

function part(text: string, x: number): BadgePart {
  const textLength = Math.ceil(text.length * CHAR_WIDTH);
  const width = textLength + 2 * PADDING;
  return { text, x, width, textX: x + width / 2, textLength };
}
