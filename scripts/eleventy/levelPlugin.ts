import type { AnalysisRecord } from "../content/validateAnalysis.ts";
import type { LevelModel } from "../level/levelModel.ts";
import type { Assessment, LevelMeaning, LevelNumber } from "../level/types.ts";
import { assessmentsByArticle } from "../level/assessmentsByArticle.ts";
import { currentLevelDocument, levelHistoryDocument } from "../level/levelApi.ts";
import { levelsCsv } from "../level/levelsCsv.ts";
import type { NextAssessment } from "../level/nextAssessment.ts";
import { assessmentsCalendar, type CalendarSite } from "../level/assessmentsCalendar.ts";
import { levelStats } from "../level/levelStats.ts";
import { badge } from "../chart/badge.ts";
import { CHART_LAYOUTS, levelChart, type ChartLayoutName } from "../chart/levelChart.ts";
import { dayCount, percent } from "../text/dayCount.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";
import { levelLabel, levelNumberLabel } from "../level/levelLabel.ts";
import { changeWords } from "../level/changeWords.ts";
import type { ChangeMarker } from "../chart/changeMarkers.ts";


/**
 * The level's own pages and outputs: the history chart and statistics, the level behind each
 * analysis, code.dat, the JSON API and the badge. Each filter hands a template a value computed
 * by a typed function; the look-ups are built once per level model, not once per page.
 */
export default function levelPlugin(eleventyConfig: EleventyConfig): void {
  // Eleventy copies global data into every page's data, so each analysis page sees its own copy
  // of the model object; its functions are shared, so the index is cached on one of them. One
  // index per build, not one per page (measured: built once instead of seven times for seven analyses).
  const byArticle = memoise(
    (model: LevelModel) => assessmentsByArticle(model.history),
    (model) => model.levelAt,
  );
  const bySlug = memoise((analyses: readonly AnalysisRecord[]) => new Map(analyses.map((a) => [a.slug, a])));

  eleventyConfig.addFilter("levelChart", (history: readonly Assessment[], now: Date, layout: ChartLayoutName) =>
    levelChart(history, now, CHART_LAYOUTS[layout]),
  );
  eleventyConfig.addFilter("levelStats", (history: readonly Assessment[], now: Date) => levelStats(history, now));
  eleventyConfig.addFilter("assessmentsNaming", (model: LevelModel, slug: string) => byArticle(model).get(slug) ?? []);
  eleventyConfig.addFilter("analysesBySlug", (analyses: readonly AnalysisRecord[]) => bySlug(analyses));
  // "DEFCON 4 Blue" for a level number, where no prepared assessment carries it.
  eleventyConfig.addFilter("levelLabel", (level: LevelNumber, meanings: Record<LevelNumber, LevelMeaning>) => levelLabel(level, meanings));
  // A chart marker's name, "Raised to DEFCON 4 Blue", in the words the rest of the site uses.
  eleventyConfig.addFilter("markerTitle", (marker: ChangeMarker, meanings: Record<LevelNumber, LevelMeaning>) =>
    changeWords(
      marker.kind,
      levelLabel(marker.level, meanings),
      levelNumberLabel(marker.level),
      marker.previousLevel === undefined ? undefined : levelLabel(marker.previousLevel, meanings),
    ).marker,
  );
  eleventyConfig.addFilter("levelBadge", (model: LevelModel, scheme: "light" | "dark") =>
    badge(model.current.level, model.current.colour, model.meanings[model.current.level].swatch[scheme]),
  );
  eleventyConfig.addFilter("currentLevelJson", (model: LevelModel, siteUrl: string, analyses: readonly AnalysisRecord[], next: NextAssessment) =>
    JSON.stringify(currentLevelDocument(model, siteUrl, bySlug(analyses), next), null, 2),
  );
  eleventyConfig.addFilter("assessmentsCalendar", (model: LevelModel, next: NextAssessment, site: CalendarSite, siteUrl: string) =>
    assessmentsCalendar(model, next, site, siteUrl),
  );
  eleventyConfig.addFilter("levelHistoryJson", (model: LevelModel, siteUrl: string, analyses: readonly AnalysisRecord[]) =>
    JSON.stringify(levelHistoryDocument(model, siteUrl, bySlug(analyses)), null, 2),
  );
  eleventyConfig.addFilter("levelHistoryCsv", (model: LevelModel, siteUrl: string, analyses: readonly AnalysisRecord[]) =>
    levelsCsv(levelHistoryDocument(model, siteUrl, bySlug(analyses))),
  );
  eleventyConfig.addFilter("dayCount", dayCount);
  eleventyConfig.addFilter("percent", percent);
}

function memoise<A, V>(compute: (arg: A) => V, keyOf: (arg: A) => object = (arg) => arg as object): (arg: A) => V {
  const cache = new WeakMap<object, V>();
  return (arg) => {
    const key = keyOf(arg);
    if (!cache.has(key)) cache.set(key, compute(arg));
    return cache.get(key)!;
  };
}
