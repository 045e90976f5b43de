import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { buildLevelModel, type LevelModel } from "../level/levelModel.ts";
import { ContentError, type Problem } from "./problem.ts";
import { readJsonFile } from "./readJsonFile.ts";
import { validateArticle, type ArticleRecord } from "./validateArticle.ts";
import { validateLevels } from "./validateLevels.ts";
import { validateMeanings } from "./validateMeanings.ts";
import { validateRegions, type Region } from "./validateRegions.ts";

/** Where an editor's content lives, relative to the project root. */
export const CONTENT_FILES = {
  levels: "_data/levels.json",
  levelsSchema: "_data/levels.schema.json",
  meanings: "_data/levelMeanings.json",
  regions: "_data/regionList.json",
  articleSchema: "_data/article.schema.json",
  articles: "site/articles",
} as const;

export interface Content {
  level: LevelModel;
  regions: Region[];
  /** Every analysis that will be published (drafts only when they are included), newest first. */
  articles: ArticleRecord[];
}

export interface LoadOptions {
  root: string;
  /** `npm start` shows drafts; the production build never does. */
  includeDrafts: boolean;
  now: Date;
}

/**
 * Validation at the door: reads every content file, checks all of it, and either returns the
 * content or throws one ContentError listing every problem, so an editor fixes them in one go.
 */
export async function loadContent({ root, includeDrafts, now }: LoadOptions): Promise<Content> {
  const problems: Problem[] = [];
  const json = async (file: string) => {
    const result = await readJsonFile(path.join(root, file), file);
    if (!result.ok) problems.push(result.problem);
    return result.ok ? result.value : undefined;
  };
  const [levelsRaw, levelsSchema, meaningsRaw, regionsRaw, articleSchema] = await Promise.all([
    json(CONTENT_FILES.levels),
    json(CONTENT_FILES.levelsSchema),
    json(CONTENT_FILES.meanings),
    json(CONTENT_FILES.regions),
    json(CONTENT_FILES.articleSchema),
  ]);
  if (problems.length) throw new ContentError(problems);

  const meanings = validateMeanings(meaningsRaw, CONTENT_FILES.meanings);
  const regions = validateRegions(regionsRaw, CONTENT_FILES.regions);
  const levels = validateLevels(levelsRaw, levelsSchema as Record<string, unknown>, CONTENT_FILES.levels, now);
  problems.push(...meanings.problems, ...regions.problems, ...levels.problems);

  const knownRegions = new Set(regions.regions.map((r) => r.name));
  const articleFiles = await listMarkdown(path.join(root, CONTENT_FILES.articles));
  const texts = await Promise.all(articleFiles.map((name) => readFile(path.join(root, CONTENT_FILES.articles, name), "utf8")));
  const all: ArticleRecord[] = [];
  articleFiles.forEach((name, i) => {
    const result = validateArticle(
      `${CONTENT_FILES.articles}/${name}`,
      texts[i]!,
      articleSchema as Record<string, unknown>,
      knownRegions,
      now,
    );
    problems.push(...result.problems);
    if (result.article) all.push(result.article);
  });

  const articles = all.filter((a) => includeDrafts || !a.draft);
  problems.push(...articleLinkProblems(levels.assessments, all, articles));
  if (problems.length || !meanings.meanings) throw new ContentError(problems);

  articles.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
  return {
    level: buildLevelModel(levels.assessments, meanings.meanings),
    regions: regions.regions,
    articles,
  };
}

/** Each assessment that names an analysis must name one that is published. */
function articleLinkProblems(
  assessments: { date: string; article?: string }[],
  all: ArticleRecord[],
  published: ArticleRecord[],
): Problem[] {
  const publishedSlugs = new Set(published.map((a) => a.slug));
  const draftSlugs = new Set(all.filter((a) => a.draft).map((a) => a.slug));
  const problems: Problem[] = [];
  assessments.forEach((assessment, index) => {
    const slug = assessment.article;
    if (slug === undefined || publishedSlugs.has(slug)) return;
    problems.push({
      file: CONTENT_FILES.levels,
      entry: `assessment #${index + 1} (${assessment.date})`,
      field: "article",
      message: draftSlugs.has(slug)
        ? `links to "${slug}", which is still a draft; publish it first or remove the link`
        : `links to "${slug}", but there is no ${CONTENT_FILES.articles}/${slug}.md`,
    });
  });
  return problems;
}

async function listMarkdown(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(".md")).sort();
  } catch {
    return [];
  }
}
