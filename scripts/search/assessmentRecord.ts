import type { CustomRecord } from "pagefind";
import { assessmentDate } from "../text/dates.ts";
import type { Assessment, LevelMeaning, LevelNumber } from "../level/types.ts";

/**
 * One assessment of the level history as its own search result, linking to its entry on
 * /history/. Assessments have no page of their own, so they are custom records rather than HTML.
 */
export function assessmentRecord(assessment: Assessment, meanings: Record<LevelNumber, LevelMeaning>): CustomRecord {
  // The search filter `level` takes the level's label, as the analysis layout writes it for analyses.
  const label = assessment.label;
  const when = assessmentDate(assessment.issued, assessment.hasTime);
  return {
    url: `/history/#${assessment.id}`,
    language: "en",
    content: `${assessment.changeWords.headline}: ${label}, ${meanings[assessment.level].name}. ${assessment.reason}`,
    meta: {
      title: `${assessment.changeWords.headline}: ${label}, ${when}`,
      date: assessment.date.slice(0, 10),
    },
    filters: {
      level: [label],
      year: [String(assessment.issued.getUTCFullYear())],
    },
    sort: { date: assessment.date },
  };
}
