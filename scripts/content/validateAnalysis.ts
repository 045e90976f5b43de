import { DateTime } from "luxon";
import type { Problem } from "./problem.ts";
import { schemaProblems } from "./schemaProblems.ts";
import { describeYamlError, parseFrontMatter } from "./frontMatter.ts";
import { aliasProblem } from "./aliasProblem.ts";
import { invisibleCharacterMessage } from "./invisibleCharacter.ts";
import { placeholderProblems } from "./placeholderText.ts";
import { wordCount } from "../text/wordCount.ts";

/** An analysis as the rest of the build sees it, after validation. */
export interface AnalysisRecord {
  slug: string;
  file: string;
  title: string;
  date: string;
  summary: string;
  regions: string[];
  draft: boolean;
  /** The day of the last substantive revision, YYYY-MM-DD (feeds show it as the updated date). */
  updated?: string;
  /** Pins the analysis's feed entry id after a rename or date correction (docs/feeds.md). */
  feedId?: string;
  /** Old addresses that redirect here with a 301, e.g. "/2024/05/18/slug/" (scripts/eleventy/aliasesPlugin.ts). */
  aliases?: string[];
  /** Words of its title, summary and text: what the search indexer holds in memory for it (search/searchShards.ts). */
  words: number;
}

export interface AnalysisResult {
  analysis?: AnalysisRecord;
  problems: Problem[];
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether `name` may be an analysis's file name (without .md): lowercase words joined by hyphens. */
export function isAnalysisSlug(name: string): boolean {
  return SLUG.test(name);
}

/** Validates one analysis (`site/articles/<slug>.md`, or in a folder inside it): its name, front matter, regions and aliases. */
export function validateAnalysis(
  file: string,
  text: string,
  schema: Record<string, unknown>,
  knownRegions: ReadonlySet<string>,
  now: Date,
): AnalysisResult {
  const slug = file.replace(/^.*\//, "").replace(/\.md$/, "");
  const problems: Problem[] = [];
  if (!SLUG.test(slug)) {
    problems.push({
      file,
      message:
        "the file name becomes the address /articles/<slug>/ and must be lowercase words joined by hyphens, e.g. china-russia-military-ties.md",
    });
  }

  const invisible = invisibleCharacterMessage(text, "file");
  if (invisible) {
    problems.push({ file, message: invisible });
    return { problems };
  }

  let data: unknown;
  let body = "";
  try {
    const parsed = parseFrontMatter(text);
    if (parsed === undefined) {
      problems.push({ file, message: "has no front matter: start the file with a --- block holding title, date and summary" });
      return { problems };
    }
    data = parsed.data;
    body = parsed.body;
    if (parsed.body.trim() === "") problems.push({ file, message: "has no text after the front matter" });
  } catch (error) {
    problems.push({ file, message: describeYamlError(error) });
    return { problems };
  }

  problems.push(...schemaProblems(schema, data, file));
  if (problems.length > 0) return { problems };

  const front = data as {
    title: string;
    date: string;
    summary: string;
    regions?: string[];
    draft?: boolean;
    updated?: string;
    feedId?: string;
    aliases?: string[];
  };
  const day = DateTime.fromISO(front.date, { zone: "utc" });
  if (!day.isValid) {
    problems.push({ file, field: "date", message: `${JSON.stringify(front.date)} is not a real calendar date` });
  } else if (day.toMillis() > now.getTime()) {
    problems.push({
      file,
      field: "date",
      message: `${front.date} is in the future; keep the analysis as draft: true until the day it is published`,
    });
  }
  if (front.updated !== undefined) {
    const revised = DateTime.fromISO(front.updated, { zone: "utc" });
    if (!revised.isValid) {
      problems.push({ file, field: "updated", message: `${JSON.stringify(front.updated)} is not a real calendar date` });
    } else if (front.updated < front.date) {
      problems.push({ file, field: "updated", message: `${front.updated} is before the publication date ${front.date}` });
    }
  }
  (front.regions ?? []).forEach((region, index) => {
    if (!knownRegions.has(region)) {
      problems.push({
        file,
        field: `regions[${index}]`,
        message: `"${region}" is not a region in _data/regionList.json (known: ${[...knownRegions].join(", ")}); fix the spelling or add the region there`,
      });
    }
  });
  // YAML escapes ("\x08", "\uD800") can put in a value what the file itself does not show.
  for (const [field, value] of Object.entries(front)) {
    const texts = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
    texts.forEach((text: unknown, index) => {
      const message = typeof text === "string" ? invisibleCharacterMessage(text, "value") : undefined;
      if (message) problems.push({ file, field: Array.isArray(value) ? `${field}[${index}]` : field, message });
    });
  }
  (front.aliases ?? []).forEach((alias, index) => {
    const message = aliasProblem(alias);
    if (message !== undefined) problems.push({ file, field: `aliases[${index}]`, message });
  });
  // A draft shows in `npm start` with its placeholders; the analysis is published only without them.
  if (front.draft !== true) problems.push(...placeholderProblems(file, front.summary, body));
  if (problems.length > 0) return { problems };

  return {
    problems,
    analysis: {
      slug,
      file,
      title: front.title,
      date: front.date,
      summary: front.summary,
      regions: front.regions ?? [],
      draft: front.draft ?? false,
      ...(front.updated !== undefined && { updated: front.updated }),
      ...(front.feedId !== undefined && { feedId: front.feedId }),
      ...(front.aliases !== undefined && { aliases: front.aliases }),
      words: wordCount(front.title) + wordCount(front.summary) + wordCount(body),
    },
  };
}
