import type { AnalysisRecord } from "../content/validateAnalysis.ts";
import { analysisUrl } from "../content/siteIndex.ts";
import type { LevelModel } from "./levelModel.ts";
import type { Assessment, LevelChange, LevelNumber } from "./types.ts";
import type { NextAssessment } from "./nextAssessment.ts";

/** The documents served at /api/level.json and /api/levels.json; docs/api.md and docs/api/*.schema.json describe them. */
export const API_VERSION = 1;
export const POLL_INTERVAL_SECONDS = 600;

export interface ApiAnalysis {
  title: string;
  url: string;
}

export interface ApiAssessment {
  id: string;
  level: LevelNumber;
  colour: string;
  name: string;
  /** The date as the editor wrote it: a day, or a day and time in UTC. */
  date: string;
  /** The same instant in full ISO 8601 UTC. */
  issued: string;
  change: LevelChange;
  previousLevel: LevelNumber | null;
  reason: string;
  url: string;
  analysis: ApiAnalysis | null;
}

export interface ApiCurrentLevel extends ApiAssessment {
  version: number;
  meaning: string;
  advice: string;
  /** When the current level came into force (the last change). */
  since: string;
  historyUrl: string;
  pollIntervalSeconds: number;
  /** The day the next scheduled assessment is due, "YYYY-MM-DD" (the current level's cadence). */
  nextAssessmentDue: string;
  /** Whether that day has passed without a new assessment, as of the build. */
  overdue: boolean;
}

export interface ApiLevelHistory {
  version: number;
  current: LevelNumber;
  historyUrl: string;
  pollIntervalSeconds: number;
  /** Newest first, as on the history page. */
  assessments: ApiAssessment[];
}

export function apiAssessment(
  assessment: Assessment,
  model: LevelModel,
  siteUrl: string,
  analysesBySlug: ReadonlyMap<string, AnalysisRecord>,
): ApiAssessment {
  const analysis = assessment.article === undefined ? undefined : analysesBySlug.get(assessment.article);
  return {
    id: assessment.id,
    level: assessment.level,
    colour: assessment.colour,
    name: model.meanings[assessment.level].name,
    date: assessment.date,
    issued: assessment.issued.toISOString(),
    change: assessment.change,
    previousLevel: assessment.previousLevel ?? null,
    reason: assessment.reason,
    url: `${siteUrl}/history/#${assessment.id}`,
    analysis: analysis ? { title: analysis.title, url: siteUrl + analysisUrl(analysis.slug) } : null,
  };
}

export function currentLevelDocument(
  model: LevelModel,
  siteUrl: string,
  analysesBySlug: ReadonlyMap<string, AnalysisRecord>,
  next: NextAssessment,
): ApiCurrentLevel {
  const meaning = model.meanings[model.current.level];
  return {
    version: API_VERSION,
    ...apiAssessment(model.current, model, siteUrl, analysesBySlug),
    meaning: meaning.meaning,
    advice: meaning.advice,
    since: model.currentSince.issued.toISOString(),
    historyUrl: `${siteUrl}/history/`,
    pollIntervalSeconds: POLL_INTERVAL_SECONDS,
    nextAssessmentDue: next.due,
    overdue: next.overdue,
  };
}

export function levelHistoryDocument(
  model: LevelModel,
  siteUrl: string,
  analysesBySlug: ReadonlyMap<string, AnalysisRecord>,
): ApiLevelHistory {
  return {
    version: API_VERSION,
    current: model.current.level,
    historyUrl: `${siteUrl}/history/`,
    pollIntervalSeconds: POLL_INTERVAL_SECONDS,
    assessments: model.newestFirst.map((a) => apiAssessment(a, model, siteUrl, analysesBySlug)),
  };
}
