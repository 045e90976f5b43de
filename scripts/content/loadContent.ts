import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { buildLevelModel, type LevelModel } from "../level/levelModel.ts";
import { decodeUtf8 } from "./decodeUtf8.ts";
import { feedIdClashes } from "./feedIdClashes.ts";
import { listAnalysisFiles } from "./listAnalysisFiles.ts";
import { ContentError, type Problem } from "./problem.ts";
import { readJsonFile } from "./readJsonFile.ts";
import { validateAnalysis, type AnalysisRecord } from "./validateAnalysis.ts";
import type { ValidAnalysisCache } from "./validAnalysisCache.ts";
import { validateLevels } from "./validateLevels.ts";
import { validateMeanings } from "./validateMeanings.ts";
import { validateRegions, type Region } from "./validateRegions.ts";

/** Where an editor's content lives, relative to the project root. */
export const CONTENT_FILES = {
  levels: "_data/levels.json",
  levelsSchema: "_data/levels.schema.json",
  meanings: "_data/levelMeanings.json",
  regions: "_data/regionList.json",
  analysisSchema: "_data/article.schema.json",
  analyses: "site/articles",
} as const;

export interface Content {
  level: LevelModel;
  regions: Region[];
  /** Every analysis that will be published (drafts only when they are included), newest first. */
  analyses: AnalysisRecord[];
}

export interface LoadOptions {
  root: string;
  /** `npm start` shows drafts; the production build never does. */
  includeDrafts: boolean;
  now: Date;
  /**
   * The value of `_data/levels.json` to check instead of the file on disk: `npm run assess`
   * validates the file it is about to write, exactly as the build will read it.
   */
  levels?: unknown;
  /** `npm start` keeps the analyses it found valid, and reads again only the files that changed. */
  cache?: ValidAnalysisCache;
}

/**
 * Validation at the door: reads every content file, checks all of it, and either returns the
 * content or throws one ContentError listing every problem, so an editor fixes them in one go.
 */
export async function loadContent({ root, includeDrafts, now, cache, ...given }: LoadOptions): Promise<Content> {
  const problems: Problem[] = [];
  const json = async (file: string) => {
    const result = await readJsonFile(path.join(root, file), file);
    if (!result.ok) problems.push(result.problem);
    return result.ok ? result.value : undefined;
  };
  const [levelsRaw, levelsSchema, meaningsRaw, regionsRaw, analysisSchema] = await Promise.all([
    "levels" in given ? given.levels : json(CONTENT_FILES.levels),
    json(CONTENT_FILES.levelsSchema),
    json(CONTENT_FILES.meanings),
    json(CONTENT_FILES.regions),
    json(CONTENT_FILES.analysisSchema),
  ]);
  if (problems.length) throw new ContentError(problems);

  const meanings = validateMeanings(meaningsRaw, CONTENT_FILES.meanings);
  const regions = validateRegions(regionsRaw, CONTENT_FILES.regions);
  const levels = validateLevels(levelsRaw, levelsSchema as Record<string, unknown>, CONTENT_FILES.levels, now);
  problems.push(...meanings.problems, ...regions.problems, ...levels.problems);

  const knownRegions = new Set(regions.regions.map((r) => r.name));
  const { markdown, strays } = await listAnalysisFiles(path.join(root, CONTENT_FILES.analyses));
  problems.push(...strays.map(strayProblem));
  const all: AnalysisRecord[] = [];
  const read = pLimit(READ_CONCURRENCY);
  cache?.begin(JSON.stringify([analysisSchema, [...knownRegions]]));
  const validate = async (file: string): Promise<{ problems: Problem[]; analysis?: AnalysisRecord }> => {
    const decoded = decodeUtf8(await readFile(path.join(root, file)));
    if (!decoded.ok) return { problems: [{ file, message: decoded.message }] };
    return validateAnalysis(file, decoded.text, analysisSchema as Record<string, unknown>, knownRegions, now);
  };
  const results = await Promise.all(
    markdown.map((name) =>
      read(async () => {
        const file = `${CONTENT_FILES.analyses}/${name}`;
        if (!cache) return validate(file);
        const { mtimeMs, size } = await stat(path.join(root, file));
        const kept = cache.get(file, { mtimeMs, size });
        if (kept) return { problems: [], analysis: kept };
        const result = await validate(file);
        cache.set(file, { mtimeMs, size }, result.problems.length ? undefined : result.analysis);
        return result;
      }),
    ),
  );
  cache?.keepOnly(new Set(markdown.map((name) => `${CONTENT_FILES.analyses}/${name}`)));
  for (const result of results) {
    problems.push(...result.problems);
    if (result.analysis) all.push(result.analysis);
  }
  problems.push(...slugClashes(all), ...feedIdClashes(all));

  const analyses = all.filter((a) => includeDrafts || !a.draft);
  const refusedSlugs = new Set(markdown.map((name) => path.basename(name, ".md")));
  for (const analysis of all) refusedSlugs.delete(analysis.slug);
  problems.push(...analysisLinkProblems(levels.assessments, all, analyses, refusedSlugs));
  if (problems.length || !meanings.meanings) throw new ContentError(problems);

  analyses.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
  return {
    level: buildLevelModel(levels.assessments, meanings.meanings),
    regions: regions.regions,
    analyses,
  };
}

/**
 * Each assessment that names an analysis must name one that is published. A link to an analysis
 * that exists but was refused is not reported again: that file's own problems are.
 */
function analysisLinkProblems(
  assessments: { date: string; article?: string }[],
  all: AnalysisRecord[],
  published: AnalysisRecord[],
  refusedSlugs: ReadonlySet<string>,
): Problem[] {
  const publishedSlugs = new Set(published.map((a) => a.slug));
  const draftSlugs = new Set(all.filter((a) => a.draft).map((a) => a.slug));
  const problems: Problem[] = [];
  assessments.forEach((assessment, index) => {
    const slug = assessment.article;
    if (slug === undefined || publishedSlugs.has(slug) || refusedSlugs.has(slug)) return;
    problems.push({
      file: CONTENT_FILES.levels,
      entry: `assessment #${index + 1} (${assessment.date})`,
      field: "article",
      message: draftSlugs.has(slug)
        ? `links to "${slug}", which is still a draft; publish it first or remove the link`
        : `links to "${slug}", but there is no analysis ${slug}.md in ${CONTENT_FILES.analyses}/ or a folder inside it`,
    });
  });
  return problems;
}

/**
 * Files are read a bounded number at a time: opening thousands at once fails with EMFILE under
 * macOS's default limit of 256 open files.
 */
const READ_CONCURRENCY = 32;

/** Two analyses in different folders with the same file name would claim one address. */
function slugClashes(analyses: readonly AnalysisRecord[]): Problem[] {
  const first = new Map<string, string>();
  const problems: Problem[] = [];
  for (const analysis of analyses) {
    const earlier = first.get(analysis.slug);
    if (earlier === undefined) first.set(analysis.slug, analysis.file);
    else
      problems.push({
        file: analysis.file,
        message: `has the same file name as ${earlier}; both would be published at /articles/${analysis.slug}/. Rename one of them`,
      });
  }
  return problems;
}

/** Only analyses belong in the articles folder; anything else there would be lost or half-published. */
function strayProblem(name: string): Problem {
  const file = `${CONTENT_FILES.analyses}/${name}`;
  const extension = path.extname(name);
  if (/^\.(md|markdown|mdown|mkd|txt)$/i.test(extension)) {
    return { file, message: `is not published: analyses must end in lowercase .md; rename it to ${path.basename(name, extension)}.md` };
  }
  return {
    file,
    message: "is not an analysis: only Markdown files (.md) belong in site/articles/. Put images and other files in site/assets/, and notes outside site/",
  };
}
