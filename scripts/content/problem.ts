/** One thing an editor must fix, located precisely enough to find it without reading code. */
export interface Problem {
  /** Path relative to the project root, e.g. "_data/levels.json" or "site/articles/foo.md". */
  file: string;
  /** Which entry inside the file, e.g. "assessment #4 (2022-03-13)". */
  entry?: string;
  /** The field, e.g. "level" or "regions[1]". */
  field?: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.entry, problem.field && `field "${problem.field}"`]
    .filter(Boolean)
    .join(" › ");
  return `${where}: ${problem.message}`;
}

/** Thrown when content cannot be published; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(
      `The content has ${count}; nothing was published:\n` +
        problems.map((p) => "  ✖ " + formatProblem(p)).join("\n"),
    );
    this.name = "ContentError";
    this.problems = problems;
    // Read by Eleventy's error reporter (npm start): the message says everything an editor needs.
    Object.assign(this, { skipOriginalStack: true });
  }
}
