import type { Swatch } from "../level/types.ts";
import { CARD_FONT_FAMILY } from "./cardFonts.ts";

/**
 * The picture of a share card (Open Graph / Twitter card), as the element tree satori lays out:
 * plain objects, so that a worker thread can render it and its JSON can be hashed. No text is
 * measured here; satori wraps and clamps it with the shipped fonts (cardFonts.ts).
 */
export interface CardElement {
  type: "div";
  props: { style: Record<string, string | number>; children?: CardNode | CardNode[] };
}
export type CardNode = CardElement | string;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The card's own colours; the level's come from its swatch. Every pair is checked for contrast. */
export const CARD_PALETTE = {
  background: "#0d0f12",
  text: "#ffffff",
  quiet: "#c4ccd6",
  noticeBackground: "#ffffff",
  noticeText: "#0d0f12",
} as const;

/** Text and background pairs the card paints, for the contrast check. */
export function cardColourPairs(swatch: Swatch): { text: string; background: string; what: string }[] {
  return [
    { text: CARD_PALETTE.text, background: CARD_PALETTE.background, what: "title and site name" },
    { text: CARD_PALETTE.quiet, background: CARD_PALETTE.background, what: "dates" },
    { text: CARD_PALETTE.noticeText, background: CARD_PALETTE.noticeBackground, what: "the notice" },
    { text: swatch.text, background: swatch.fill, what: "the level" },
  ];
}

export interface LevelCardText {
  siteName: string;
  /** "Not an official government alert level." */
  notice: string;
  /** "DEFCON 4" */
  levelNumber: string;
  /** "Blue" */
  colour: string;
  /** "Watchful" */
  name: string;
  /** "12 November 2026": the day of the assessment. */
  assessed: string;
  swatch: Swatch;
}

export interface AnalysisCardText extends Pick<LevelCardText, "siteName" | "notice"> {
  title: string;
  /** The level in force on the analysis's day; none before the first assessment. */
  level?: Pick<LevelCardText, "levelNumber" | "colour" | "swatch">;
  /** "3 March 2026" */
  written: string;
}


function div(style: Record<string, string | number>, ...children: CardNode[]): CardElement {
  return { type: "div", props: { style: { display: "flex", ...style }, children: children.length === 1 ? children[0]! : children } };
}

/** The frame every card shares: the site's name on top, the notice across the foot. */
function frame(siteName: string, notice: string, kicker: string, body: CardElement): CardElement {
  return div(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      flexDirection: "column",
      backgroundColor: CARD_PALETTE.background,
      color: CARD_PALETTE.text,
      fontFamily: CARD_FONT_FAMILY,
    },
    div(
      { padding: "48px 64px 0", fontSize: 34, fontWeight: 700, justifyContent: "space-between" },
      div({}, siteName),
      div({ color: CARD_PALETTE.quiet, fontWeight: 400 }, kicker),
    ),
    div({ flexGrow: 1, flexDirection: "column", justifyContent: "center", padding: "0 64px" }, body),
    div(
      {
        backgroundColor: CARD_PALETTE.noticeBackground,
        color: CARD_PALETTE.noticeText,
        fontSize: 36,
        fontWeight: 700,
        padding: "22px 64px",
      },
      notice,
    ),
  );
}

function levelBlock(level: Pick<LevelCardText, "levelNumber" | "colour" | "swatch">, size: "large" | "small"): CardElement {
  const large = size === "large";
  return div(
    {
      flexDirection: "column",
      flexShrink: 0,
      whiteSpace: "nowrap",
      backgroundColor: level.swatch.fill,
      color: level.swatch.text,
      padding: large ? "18px 44px 24px" : "10px 28px 14px",
      fontWeight: 700,
      lineHeight: 1.1,
    },
    div({ fontSize: large ? 112 : 52 }, level.levelNumber),
    div({ fontSize: large ? 60 : 34, textTransform: "uppercase", letterSpacing: 4 }, level.colour),
  );
}

/** The current level: number and colour word large, its name, the date it was assessed. */
export function levelCard(text: LevelCardText): CardElement {
  return frame(
    text.siteName,
    text.notice,
    "Current level",
    div(
      { alignItems: "center" },
      levelBlock(text, "large"),
      div(
        { flexDirection: "column", marginLeft: 48, flexShrink: 1 },
        div({ fontSize: 56, fontWeight: 700 }, text.name),
        div({ fontSize: 38, color: CARD_PALETTE.quiet, marginTop: 12 }, "Assessed"),
        div({ fontSize: 38, color: CARD_PALETTE.quiet, whiteSpace: "nowrap" }, text.assessed),
      ),
    ),
  );
}

/** An analysis: its title (at most three lines), and the level in force when it was written. */
export function analysisCard(text: AnalysisCardText): CardElement {
  return frame(
    text.siteName,
    text.notice,
    "Analysis",
    div(
      { flexDirection: "column" },
      div({ fontSize: 56, fontWeight: 700, lineHeight: 1.2, lineClamp: 3, wordBreak: "break-word", marginBottom: 32 }, text.title),
      text.level
        ? div(
            { alignItems: "center" },
            levelBlock(text.level, "small"),
            div(
              { flexDirection: "column", marginLeft: 32, fontSize: 34 },
              div({}, "Level in force when written,"),
              div({ color: CARD_PALETTE.quiet }, text.written),
            ),
          )
        : div({ fontSize: 34, color: CARD_PALETTE.quiet }, `Written ${text.written}`),
    ),
  );
}
