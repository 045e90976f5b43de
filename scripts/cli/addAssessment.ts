import { readFile } from "node:fs/promises";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import writeFileAtomic from "write-file-atomic";
import { decodeUtf8 } from "../content/decodeUtf8.ts";
import { CONTENT_FILES, loadContent } from "../content/loadContent.ts";
import { ContentError, formatProblem, type Problem } from "../content/problem.ts";
import { parseJsonText, readJsonFile } from "../content/readJsonFile.ts";
import { validateMeanings } from "../content/validateMeanings.ts";
import { buildLevelModel } from "../level/levelModel.ts";
import type { Assessment, AssessmentInput } from "../level/types.ts";
import { parseAssessmentDate } from "../level/assessmentDate.ts";
import { assessmentPosition } from "./assessmentPosition.ts";
import { Refusal } from "./commandErrors.ts";
import { insertArrayEntry } from "./insertArrayEntry.ts";
import { topLevelArraySpans } from "./jsonArraySpans.ts";

export interface AssessmentFlags {
  level: string;
  reason: string;
  /** The slug of a published analysis. */
  article?: string;
  /** YYYY-MM-DD or YYYY-MM-DDTHH:MMZ; now, to the minute, when not given. */
  date?: string;
}

export interface AddedAssessment {
  /** The new assessment as the level model places it, compared with the one before it. */
  added: Assessment;
  /** The latest assessment once it is added: the current level. */
  current: Assessment;
  /** What the build will still refuse in other files (an analysis being written): not this command's to fix. */
  otherProblems: Problem[];
}

/** The files whose problems stop an assessment: the level history, and what validating it needs. */
const LEVEL_FILES = new Set<string>([
  CONTENT_FILES.levels,
  CONTENT_FILES.levelsSchema,
  CONTENT_FILES.meanings,
  CONTENT_FILES.regions,
  CONTENT_FILES.analysisSchema,
]);

/** The fields of an assessment, each given by the flag of the same name. */
const FLAGS = new Set(["date", "level", "reason", "article"]);

/**
 * `npm run assess`: adds an assessment to `_data/levels.json`. The whole resulting file is
 * validated as the build validates it (loadContent: the schema, real and past dates, and that
 * `article` is a published analysis) before anything is written; then the file is replaced in
 * one step (write-file-atomic: a temporary file, then a rename), so a reader or a crash never
 * sees half of it. Refuses with a Refusal, and writes nothing, on any problem in the level files.
 */
export async function addAssessment(root: string, flags: AssessmentFlags, now: Date): Promise<AddedAssessment> {
  const file = path.join(root, CONTENT_FILES.levels);
  const bytes = await readFile(file);
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new Refusal([`${CONTENT_FILES.levels}: ${decoded.message}`]);
  const parsed = parseJsonText(decoded.text, CONTENT_FILES.levels);
  if (!parsed.ok) throw new Refusal([`${formatProblem(parsed.problem)}; fix the file first`]);
  const spans = topLevelArraySpans(decoded.text, "assessments");
  const raw = parsed.value as { assessments?: unknown };
  if (spans === undefined || !Array.isArray(raw.assessments)) {
    throw new Refusal([`${CONTENT_FILES.levels}: has no "assessments" list; fix the file first (docs/content-model.md)`]);
  }

  const entry: Record<string, unknown> = {
    date: flags.date?.trim() ?? `${now.toISOString().slice(0, 16)}Z`,
    // A number the schema can judge ("is out of range; found 6"); anything else stays text, which it refuses as such.
    level: /^-?\d+(\.\d+)?$/.test(flags.level.trim()) ? Number(flags.level) : flags.level,
    reason: flags.reason.trim(),
    ...(flags.article !== undefined && { article: flags.article.trim() }),
  };
  const position = assessmentPosition(raw.assessments as { date?: unknown }[], entry["date"] as string);
  const assessments = [...raw.assessments];
  assessments.splice(position, 0, entry);
  const candidate = { ...raw, assessments };

  const otherProblems = await problemsOf(root, candidate, now);
  const blocking = otherProblems.filter((problem) => LEVEL_FILES.has(problem.file) || isAnalysisFile(problem.file, flags.article));
  if (blocking.length > 0) throw new Refusal(firstPerFlag(blocking.map((problem) => asFlagProblem(problem, position, flags.article))));

  const text = insertArrayEntry(decoded.text, spans, position, entry);
  if (!isDeepStrictEqual(JSON.parse(text), candidate)) {
    throw new Error(`the new ${CONTENT_FILES.levels} does not read back as the validated assessments`);
  }
  const model = buildLevelModel(assessments as AssessmentInput[], await levelMeanings(root));
  const issued = parseAssessmentDate(entry["date"] as string).instant.getTime();
  // The new entry is the last at its moment (assessmentPosition.ts), as it is in the model's order.
  const added = [...model.history].reverse().find((assessment) => assessment.issued.getTime() === issued)!;

  // Another editor's change since this command read the file would be lost by writing over it.
  if (!(await readFile(file)).equals(bytes)) {
    throw new Refusal([`${CONTENT_FILES.levels} changed while the assessment was being checked; run the command again`]);
  }
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    // write-file-atomic's error names its temporary file; the editor knows the file being written.
    const code = (error as { code?: unknown }).code;
    throw typeof code === "string" ? Object.assign(new Error(`could not write ${file}`, { cause: error }), { code, syscall: "write", path: file }) : error;
  }
  return { added, current: model.current, otherProblems: otherProblems.filter((problem) => !blocking.includes(problem)) };
}

/** Every problem the production build would report with `levels` as the level history. */
async function problemsOf(root: string, levels: unknown, now: Date): Promise<Problem[]> {
  try {
    await loadContent({ root, includeDrafts: false, now, levels });
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
}

async function levelMeanings(root: string) {
  const read = await readJsonFile(path.join(root, CONTENT_FILES.meanings), CONTENT_FILES.meanings);
  const meanings = read.ok ? validateMeanings(read.value, CONTENT_FILES.meanings).meanings : undefined;
  if (!meanings) throw new Error(`${CONTENT_FILES.meanings} was valid a moment ago and is not now`);
  return meanings;
}

function isAnalysisFile(file: string, slug: string | undefined): boolean {
  return slug !== undefined && file.startsWith(`${CONTENT_FILES.analyses}/`) && path.posix.basename(file) === `${slug.trim()}.md`;
}

/** A problem told by the flag behind it: the new entry's fields and the analysis it links to. */
function asFlagProblem(problem: Problem, position: number, article: string | undefined): string {
  const entry = /^assessment #(\d+)(?: |$)/.exec(problem.entry ?? "");
  const isNewEntry = problem.file === CONTENT_FILES.levels && entry !== null && Number(entry[1]) === position + 1;
  if (isNewEntry && problem.field !== undefined && FLAGS.has(problem.field)) return `--${problem.field}: ${problem.message}`;
  if (isAnalysisFile(problem.file, article)) return `--article: the build refuses ${formatProblem(problem)}`;
  return formatProblem(problem);
}

/** One line per flag: an empty reason breaks two rules of the schema, and the editor has one thing to fix. */
function firstPerFlag(lines: string[]): string[] {
  const flags = new Set<string>();
  return lines.filter((line) => {
    const flag = /^--[a-z]+:/.exec(line)?.[0];
    if (flag === undefined) return true;
    if (flags.has(flag)) return false;
    flags.add(flag);
    return true;
  });
}
