import type { AnalysisRecord } from "../content/validateAnalysis.ts";
import type { LevelModel } from "../level/levelModel.ts";
import type { Assessment } from "../level/types.ts";
import { assessmentTitle, changeSentence } from "./assessmentTitle.ts";
import { assessmentEntryId, feedId } from "./entryId.ts";
import { escapeHtml } from "../text/escapeHtml.ts";
import { feedLevel } from "./levelLabel.ts";
import { newestUpdate } from "./newestUpdate.ts";
import { xmlSafeText } from "./xmlSafeText.ts";
import type { Feed, FeedItem } from "./types.ts";

export const ASSESSMENT_FEED_LIMIT = 100;

export interface AssessmentFeedInput {
  level: Pick<LevelModel, "newestFirst" | "meanings">;
  /** The published analyses, to name the one an assessment links to. */
  analyses: readonly AnalysisRecord[];
  siteUrl: string;
  now: Date;
  limit?: number;
}

/** One entry per assessment, newest first: what notifiers subscribe to. */
export function buildAssessmentFeed(input: AssessmentFeedInput): Feed {
  const titles = new Map(input.analyses.filter((a) => !a.draft).map((a) => [a.slug, a.title]));
  const items = input.level.newestFirst
    .slice(0, input.limit ?? ASSESSMENT_FEED_LIMIT)
    .map((assessment) => assessmentItem(assessment, input, titles));
  return {
    id: feedId("levels"),
    title: "The DEFCON Warning System: level assessments",
    description: "Every assessment of the DEFCON level: whether it was raised, lowered or kept, and why.",
    homePageUrl: `${input.siteUrl}/history/`,
    updated: newestUpdate(items, input.now),
    items,
  };
}

/** The history page's address of one assessment. */
export function historyUrl(siteUrl: string, assessment: Pick<Assessment, "id">): string {
  return `${siteUrl}/history/#${assessment.id}`;
}

function assessmentItem(assessment: Assessment, input: AssessmentFeedInput, titles: ReadonlyMap<string, string>): FeedItem {
  const meanings = input.level.meanings;
  const url = historyUrl(input.siteUrl, assessment);
  const change = changeSentence(assessment);
  const reason = xmlSafeText(assessment.reason);
  const analysisTitle = assessment.article === undefined ? undefined : titles.get(assessment.article);
  const paragraphs = [
    `<p><strong>${escapeHtml(change)}</strong></p>`,
    `<p>${escapeHtml(reason)}</p>`,
    analysisTitle === undefined
      ? ""
      : `<p>The analysis behind it: <a href="${input.siteUrl}/articles/${assessment.article}/">${escapeHtml(xmlSafeText(analysisTitle))}</a></p>`,
    `<p><a href="${url}">This assessment in the level history</a></p>`,
  ];
  const level = feedLevel(assessment.level, meanings);
  return {
    id: assessmentEntryId(assessment),
    url,
    title: assessmentTitle(assessment),
    summary: `${change} ${reason}`,
    contentHtml: paragraphs.filter(Boolean).join("\n"),
    published: assessment.issued,
    updated: assessment.issued,
    categories: [assessment.changeWords.word, level.label],
    level,
    ...(assessment.article !== undefined && analysisTitle !== undefined && {
      relatedUrl: `${input.siteUrl}/articles/${assessment.article}/`,
    }),
    change: assessment.change,
  };
}
