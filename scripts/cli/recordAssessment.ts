/**
 * `npm run assess -- --level N --reason "…"`: records an assessment in _data/levels.json
 * (addAssessment.ts says what it checks). docs/editing.md, "From the command line", is the
 * editor's guide.
 */
import { formatProblem } from "../content/problem.ts";
import { addAssessment } from "./addAssessment.ts";
import { UsageError } from "./commandErrors.ts";
import { commandNow } from "./commandNow.ts";
import { describeChange } from "./describeChange.ts";
import { parseFlags } from "./parseFlags.ts";
import { runCommand } from "./runCommand.ts";

const HELP = `Record a level assessment in _data/levels.json.

Usage: npm run assess -- --level N --reason "…" [--article slug] [--date when]

  --level     1 (Red, most severe) to 5 (Green, calm) (required)
  --reason    why the level is what it is, in plain text (required)
  --article   the file name (without .md) of the published analysis behind it
  --date      when it was issued: a day, YYYY-MM-DD, or a UTC time, YYYY-MM-DDTHH:MMZ;
              not in the future (default: now, to the minute, UTC)
  --help, -h  this text

Examples:
  npm run assess -- --level 4 --reason "Strikes between India and Pakistan."
  npm run assess -- --level 5 --reason "Scheduled update: no change." --date 2025-12-01
  npm run assess -- --level 3 --reason "…" --article china-russia-military-collaboration

The whole file is checked as the build checks it before anything is written. Keeping the
level is an assessment too.

Exit codes: 0 recorded; 1 refused (a bad value, a missing or draft analysis), file untouched;
2 the command line could not be read; 3 the disk or a permission refused, file untouched.
`;

process.exitCode = await runCommand("assess", async () => {
  const { help, values } = parseFlags(process.argv.slice(2), ["level", "reason", "article", "date"]);
  if (help) {
    process.stdout.write(HELP);
    return;
  }
  if (values.level === undefined) throw new UsageError("--level is required, as in --level 4");
  if (values.reason === undefined) throw new UsageError('--reason is required, as in --reason "Why the level is what it is."');
  const { added, current, otherProblems } = await addAssessment(
    process.cwd(),
    { ...values, level: values.level, reason: values.reason },
    commandNow(),
  );
  console.log(`Recorded in _data/levels.json: the assessment of ${added.date}.`);
  console.log(describeChange(added));
  if (current !== added) console.log(`A later assessment (${current.date}) still sets the current level: ${current.label}.`);
  if (otherProblems.length > 0) {
    console.error(`⚠ The build still refuses ${otherProblems.length === 1 ? "a problem" : `${otherProblems.length} problems`} in other files:`);
    for (const problem of otherProblems) console.error(`  ${formatProblem(problem)}`);
  }
});
