import type { LevelNumber, Swatch } from "../level/types.ts";
import { levelNumberLabel } from "../level/levelLabel.ts";

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

/**
 * The badge is a standalone image shown on other sites, so it cannot use the site's CSS custom
 * properties: it takes the level's colours (light or dark theme, /badge.svg or /badge-dark.svg)
 * from _data/levelMeanings.json directly.
 */
export function badge(level: LevelNumber, colourWord: string, colours: Swatch): Badge {
  const leftText = levelNumberLabel(level);
  const rightText = colourWord.toUpperCase();
  const left = part(leftText, 0);
  const right = part(rightText, left.width);
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
