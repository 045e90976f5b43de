import path from "node:path";
import { DateTime } from "luxon";
import { CONTENT_FILES } from "../content/loadContent.ts";
import { listAnalysisFiles } from "../content/listAnalysisFiles.ts";
import { parseFrontMatter } from "../content/frontMatter.ts";
import { formatProblem, type Problem } from "../content/problem.ts";
import { invisibleCharacterMessage } from "../content/invisibleCharacter.ts";
import { readJsonFile } from "../content/readJsonFile.ts";
import { isAnalysisSlug, validateAnalysis } from "../content/validateAnalysis.ts";
import { validateRegions } from "../content/validateRegions.ts";
import { analysisFileText } from "./analysisFileText.ts";
import { analysisSlug } from "./analysisSlug.ts";
import { Refusal } from "./commandErrors.ts";
import { didYouMean } from "./didYouMean.ts";
import { writeNewFile } from "./writeNewFile.ts";

export interface NewAnalysisFlags {
  title: string;
  /** Names from _data/regionList.json, separated by commas. */
  regions?: string;
  /** YYYY-MM-DD; today (UTC) when not given. */
  date?: string;
  /** The file name, when the title does not give a good one. */
  slug?: string;
}

export interface CreatedAnalysis {
  slug: string;
  /** Relative to the project root, e.g. "site/articles/korea-tests.md". */
  file: string;
}

/**
 * `npm run new`: writes `site/articles/<slug>.md` as a draft, or refuses with every problem it
 * finds and writes nothing. The file it writes passes the build's own validator.
 */
export async function createAnalysis(root: string, flags: NewAnalysisFlags, now: Date): Promise<CreatedAnalysis> {
  const title = flags.title.trim();
  const problems: string[] = [];
  if (title === "") problems.push("--title: must not be empty; give the analysis's headline");
  else if (/[\r\n\u2028\u2029]/.test(title)) problems.push("--title: must be one line");
  else {
    const invisible = invisibleCharacterMessage(title, "value");
    if (invisible) problems.push(`--title: ${invisible}`);
  }

  const slugFlag = flags.slug === undefined ? "--title" : "--slug";
  const slug = flags.slug ?? analysisSlug(title);
  if (flags.slug !== undefined && !isAnalysisSlug(slug)) {
    problems.push(`--slug: ${JSON.stringify(slug)} is not lowercase words joined by hyphens, e.g. china-russia-military-ties`);
  } else if (flags.slug === undefined && title !== "" && slug === "") {
    problems.push(`--title: ${JSON.stringify(title)} has no Latin letters or digits to name the file after; choose the name with --slug, e.g. --slug russia-china-talks`);
  }

  const date = flags.date ?? now.toISOString().slice(0, 10);
  const day = DateTime.fromISO(date, { zone: "utc" });
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && day.isValid && day.toMillis() > now.getTime()) {
    problems.push(`--date: ${date} is in the future; an analysis is dated the day it is published (today is ${now.toISOString().slice(0, 10)})`);
  }

  const regionList = await readJsonFile(path.join(root, CONTENT_FILES.regions), CONTENT_FILES.regions);
  if (!regionList.ok) throw new Refusal([formatProblem(regionList.problem)]);
  const { regions: known, problems: regionProblems } = validateRegions(regionList.value, CONTENT_FILES.regions);
  if (regionProblems.length > 0) throw new Refusal(regionProblems.map(formatProblem));
  const knownNames = known.map((region) => region.name);
  const regions = (flags.regions ?? "").split(",").map((name) => name.trim()).filter((name) => name !== "");
  regions.forEach((name, index) => {
    if (regions.indexOf(name) !== index) problems.push(`--regions: ${JSON.stringify(name)} is named twice`);
    else if (!knownNames.includes(name)) problems.push(`--regions: ${unknownRegion(name, knownNames)}`);
  });
  if (problems.length > 0) throw new Refusal(problems);

  const articles = path.join(root, CONTENT_FILES.analyses);
  const taken = (await listAnalysisFiles(articles)).markdown.find((name) => path.posix.basename(name, ".md") === slug);
  if (taken !== undefined) {
    throw new Refusal([
      `${slugFlag}: ${CONTENT_FILES.analyses}/${taken} already has the name ${slug} (its address is /articles/${slug}/); ` +
        (flags.slug === undefined ? "choose another title, or another name with --slug" : "choose another name"),
    ]);
  }

  const file = `${CONTENT_FILES.analyses}/${slug}.md`;
  const text = analysisFileText({ title, date, regions });
  const schema = await readJsonFile(path.join(root, CONTENT_FILES.analysisSchema), CONTENT_FILES.analysisSchema);
  if (!schema.ok) throw new Refusal([formatProblem(schema.problem)]);
  const checked = validateAnalysis(file, text, schema.value as Record<string, unknown>, new Set(knownNames), now);
  if (checked.problems.length > 0) throw new Refusal(checked.problems.map(asFlagProblem));
  if ((parseFrontMatter(text)?.data as { title?: unknown } | undefined)?.title !== title) {
    throw new Error(`the front matter written for ${JSON.stringify(title)} does not read back as that title`);
  }

  if (!(await writeNewFile(path.join(root, file), text))) {
    throw new Refusal([`${file} was created by someone else a moment ago; it was left as it was`]);
  }
  return { slug, file };
}

function unknownRegion(name: string, known: readonly string[]): string {
  const meant = didYouMean(name, known);
  return `unknown region ${JSON.stringify(name)} ` + (meant ? `(did you mean ${JSON.stringify(meant)}?)` : `(known: ${known.join(", ")})`);
}

/** A problem the build's validator found in the file about to be written, told by the flag that caused it. */
function asFlagProblem(problem: Problem): string {
  const field = problem.field ?? "";
  if (field === "title" || field === "date") return `--${field}: ${problem.message}`;
  if (field.startsWith("regions")) return `--regions: ${problem.message}`;
  return formatProblem(problem);
}
