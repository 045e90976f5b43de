import type { AnalysisRecord } from "../content/validateAnalysis.ts";
import type { LevelModel } from "../level/levelModel.ts";
import type { Assessment } from "../level/types.ts";
import { levelNumberLabel } from "../level/levelLabel.ts";
import { readableDate } from "../text/dates.ts";
import { analysisCard, CARD_HEIGHT, CARD_WIDTH, levelCard, type CardElement } from "./cardLayout.ts";
import { cardHash } from "./cardFingerprint.ts";
import { drawnByCardFonts } from "./cardFonts.ts";

/** One share card: what it shows (its element tree), where it is published, and its alt text. */
export interface ShareCard {
  /** "/cards/3f2a…png": changes whenever the picture does. */
  url: string;
  /** The same, relative to the output folder. */
  file: string;
  hash: string;
  width: number;
  height: number;
  /** og:image:alt: what the card says, in words. */
  alt: string;
  tree: CardElement;
}

/** Every page's card: the current level's, and each analysis's own. */
export interface ShareCards {
  current: ShareCard;
  bySlug: Map<string, ShareCard>;
  /** Each distinct card once. */
  all: ShareCard[];
}

export interface CardSite {
  name: string;
  officialNotice: string;
}

function card(tree: CardElement, alt: string): ShareCard {
  const hash = cardHash(JSON.stringify(tree));
  return { url: `/cards/${hash}.png`, file: `cards/${hash}.png`, hash, width: CARD_WIDTH, height: CARD_HEIGHT, alt, tree };
}

/**
 * The cards of the last plan, by what each shows and says. `npm start` plans every card again on
 * each rebuild; with these, only the cards whose words or level changed are laid out and
 * fingerprinted again. Holds one plan's cards: those a plan no longer names are let go.
 */
export class PreparedCards {
  private previous = new Map<string, ShareCard>();
  private current = new Map<string, ShareCard>();

  /** The card for these inputs (any value that says everything the card shows), prepared once. */
  card(inputs: unknown, prepare: () => ShareCard): ShareCard {
    const key = JSON.stringify(inputs);
    const found = this.current.get(key) ?? this.previous.get(key) ?? prepare();
    this.current.set(key, found);
    return found;
  }

  /** Ends a plan: the next one reuses what this one named. */
  endPlan(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

function levelOf(model: LevelModel, assessment: Assessment) {
  return { levelNumber: levelNumberLabel(assessment.level), colour: assessment.colour, swatch: model.meanings[assessment.level].swatch.light };
}

/** The cards of a build: prepared from the validated content, before anything is drawn. */
export function planShareCards(
  model: LevelModel,
  analyses: readonly AnalysisRecord[],
  site: CardSite,
  prepared: PreparedCards = new PreparedCards(),
): ShareCards {
  const { current } = model;
  const assessed = readableDate(current.issued);
  const meaning = model.meanings[current.level];
  const currentInputs = { siteName: site.name, notice: site.officialNotice, ...levelOf(model, current), name: meaning.name, assessed };
  const currentAlt = `${current.label} (${meaning.name}), assessed ${assessed}. ${site.name}. ${site.officialNotice}`;
  const currentCard = prepared.card(["level", currentInputs, currentAlt], () => card(levelCard(currentInputs), currentAlt));

  const bySlug = new Map<string, ShareCard>();
  for (const analysis of analyses) {
    const inForce = model.levelAt(new Date(`${analysis.date}T00:00:00Z`));
    const written = readableDate(analysis.date);
    // A title the shipped fonts cannot draw would be blank: such a card names the analysis in words only (alt, og:title).
    const title = drawnByCardFonts(analysis.title) ? analysis.title : `An analysis by ${site.name}`;
    const inputs = {
      siteName: site.name,
      notice: site.officialNotice,
      title,
      written,
      ...(inForce ? { level: levelOf(model, inForce) } : {}),
    };
    const levelWords = inForce ? ` ${inForce.label} was in force.` : "";
    const alt = `“${analysis.title}”, an analysis written ${written}.${levelWords} ${site.name}. ${site.officialNotice}`;
    bySlug.set(analysis.slug, prepared.card(["analysis", inputs, alt], () => card(analysisCard(inputs), alt)));
  }
  prepared.endPlan();

  const all = [...new Map([currentCard, ...bySlug.values()].map((c) => [c.hash, c])).values()];
  return { current: currentCard, bySlug, all };
}
