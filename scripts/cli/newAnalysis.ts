/**
 * `npm run new -- --title "…"`: starts an analysis as a draft in site/articles/ (createAnalysis.ts
 * says what it checks). docs/editing.md, "From the command line", is the editor's guide.
 */
import { UsageError } from "./commandErrors.ts";
import { commandNow } from "./commandNow.ts";
import { createAnalysis } from "./createAnalysis.ts";
import { devServerAnalysisAddress } from "./devServerAddress.ts";
import { parseFlags } from "./parseFlags.ts";
import { runCommand } from "./runCommand.ts";

const HELP = `Start a new analysis: writes site/articles/<name>.md as a draft.

Usage: npm run new -- --title "…" [--regions "…"] [--date YYYY-MM-DD] [--slug name]

  --title     the headline (required); the file name comes from it
  --regions   regions from _data/regionList.json, separated by commas
  --date      the publication day, YYYY-MM-DD, today or earlier (default: today, UTC)
  --slug      the file name, when the title does not give a good one (lowercase words and hyphens)
  --help, -h  this text

Examples:
  npm run new -- --title "Increasing Military Collaboration Between China and Russia"
  npm run new -- --title "Korea: Tests Resume" --regions "Asia-Pacific,North America" --date 2025-06-01

The draft shows in npm start and is never published while it is a draft. Replace the placeholder
summary and text, then delete the line "draft: true" to publish it.

Exit codes: 0 written; 1 refused (a bad value, a name already taken), nothing written;
2 the command line could not be read; 3 the disk or a permission refused, nothing written.
`;

process.exitCode = await runCommand("new", async () => {
  const { help, values } = parseFlags(process.argv.slice(2), ["title", "regions", "date", "slug"]);
  if (help) {
    process.stdout.write(HELP);
    return;
  }
  if (values.title === undefined) throw new UsageError('--title is required, as in --title "Korea Tests Resume"');
  const created = await createAnalysis(process.cwd(), { ...values, title: values.title }, commandNow());
  console.log(`Created ${created.file} (a draft).`);
  console.log(`With npm start running, see it at ${devServerAnalysisAddress(created.slug)}`);
  console.log('To publish it: replace the placeholder summary and text, then delete the line "draft: true".');
});
