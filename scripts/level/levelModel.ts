import type { Assessment, AssessmentInput, LevelChange, LevelMeaning, LevelNumber } from "./types.ts";
import { parseAssessmentDate } from "./assessmentDate.ts";
import { levelLabel, levelNumberLabel } from "./levelLabel.ts";
import { changeWords } from "./changeWords.ts";

/**
 * The one level model: everything that shows a level (header, hero, history, API, feeds,
 * badge, level-at-publication) reads it from here, so no two places can disagree.
 */
export interface LevelModel {
  /** Oldest first. */
  history: Assessment[];
  /** Newest first: the order readers and feeds want. */
  newestFirst: Assessment[];
  /** The latest assessment: its level is the current level. */
  current: Assessment;
  /** The assessment that moved the level to the current one (the start of the current stretch). */
  currentSince: Assessment;
  meanings: Record<LevelNumber, LevelMeaning>;
  /** The assessment in force at an instant, or undefined before the first one. O(log n). */
  levelAt(when: Date): Assessment | undefined;
}

/**
 * Builds the model from validated input. Entries are sorted by time; entries at the same
 * instant (several on one day without a time) keep the order of the file, the last one wins.
 */
export function buildLevelModel(
  inputs: readonly AssessmentInput[],
  meanings: Record<LevelNumber, LevelMeaning>,
): LevelModel {
  if (inputs.length === 0) throw new Error("the level history has no assessments");

  const placed = inputs
    .map((input, index) => ({ input, index, when: parseAssessmentDate(input.date) }))
    .sort((a, b) => a.when.instant.getTime() - b.when.instant.getTime() || a.index - b.index);

  const usedIds = new Map<string, number>();
  const history: Assessment[] = [];
  let previous: Assessment | undefined;
  for (const { input, when } of placed) {
    const level = input.level as LevelNumber;
    const label = levelLabel(level, meanings);
    const change = changeFrom(previous?.level, level);
    const assessment: Assessment = {
      date: input.date,
      issued: when.instant,
      hasTime: when.hasTime,
      level,
      colour: meanings[level].colour,
      label,
      reason: input.reason,
      id: uniqueId(assessmentIdBase(input.date), usedIds),
      change,
      changeWords: changeWords(change, label, levelNumberLabel(level), previous?.label),
    };
    if (input.article !== undefined) assessment.article = input.article;
    if (previous !== undefined) {
      assessment.previousLevel = previous.level;
      assessment.previousLabel = previous.label;
    }
    history.push(assessment);
    previous = assessment;
  }

  const current = history[history.length - 1]!;
  let sinceIndex = history.length - 1;
  while (sinceIndex > 0 && history[sinceIndex - 1]!.level === current.level) sinceIndex--;

  return {
    history,
    newestFirst: [...history].reverse(),
    current,
    currentSince: history[sinceIndex]!,
    meanings,
    levelAt: (when) => levelAt(history, when),
  };
}

/** Binary search for the last assessment issued at or before `when`. */
export function levelAt(history: readonly Assessment[], when: Date): Assessment | undefined {
  const t = when.getTime();
  let lo = 0;
  let hi = history.length - 1;
  let found: Assessment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = history[mid]!;
    if (candidate.issued.getTime() <= t) {
      found = candidate;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function changeFrom(previous: LevelNumber | undefined, level: LevelNumber): LevelChange {
  if (previous === undefined) return "first";
  if (level === previous) return "kept";
  // A lower number is a more severe level: going from 5 to 4 raises the threat level.
  return level < previous ? "raised" : "lowered";
}

/** "2025-09-08" → "assessment-2025-09-08"; "2025-09-08T14:30:00Z" → "assessment-2025-09-08-1430". */
function assessmentIdBase(date: string): string {
  const [day, time] = date.split("T");
  const hhmm = time ? "-" + time.slice(0, 5).replace(":", "") : "";
  return `assessment-${day}${hhmm}`;
}

function uniqueId(base: string, used: Map<string, number>): string {
  const seen = used.get(base) ?? 0;
  used.set(base, seen + 1);
  return seen === 0 ? base : `${base}-${seen + 1}`;
}
