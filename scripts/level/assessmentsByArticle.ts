import type { Assessment } from "./types.ts";

/** The assessments that name each analysis, newest first, built in one pass over the history. */
export function assessmentsByArticle(history: readonly Assessment[]): Map<string, Assessment[]> {
  const bySlug = new Map<string, Assessment[]>();
  for (let i = history.length - 1; i >= 0; i--) {
    const assessment = history[i]!;
    if (assessment.article === undefined) continue;
    const list = bySlug.get(assessment.article);
    if (list) list.push(assessment);
    else bySlug.set(assessment.article, [assessment]);
  }
  return bySlug;
}
