import { parseArgs } from "node:util";
import { UsageError } from "./commandErrors.ts";
import { didYouMean } from "./didYouMean.ts";

export interface ParsedFlags<Name extends string> {
  help: boolean;
  values: Partial<Record<Name, string>>;
}

/**
 * Reads `--name value` (or `--name=value`) flags, each taking a value, plus `--help` (`-h`).
 * Anything else is a UsageError in one line: an unknown flag (with the probable one), a flag
 * without its value, a flag given twice, or a stray word, usually from a missing `--` after
 * `npm run <command>`, which makes npm keep the flags for itself.
 */
export function parseFlags<Name extends string>(args: readonly string[], names: readonly Name[]): ParsedFlags<Name> {
  const options = Object.fromEntries([
    ...names.map((name) => [name, { type: "string" as const }]),
    ["help", { type: "boolean" as const, short: "h" }],
  ]);
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    throw new UsageError(explain(error, names));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given twice; give it once`);
    seen.add(token.name);
  }
  const given = parsed.values as Record<string, string | boolean | undefined>;
  const values: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = given[name];
    if (typeof value === "string") values[name] = value;
  }
  return { help: given["help"] === true, values };
}

/** Node's parseArgs errors, said for an editor; the flag named is the one they typed. */
function explain(error: unknown, names: readonly string[]): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  const flag = quoted.split(/[\s,]+/).filter((part) => part.startsWith("-")).pop() ?? quoted;
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const meant = didYouMean(flag.replace(/^-+/, ""), names);
      return `unknown flag ${flag}` + (meant ? ` (did you mean --${meant}?)` : "");
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /does not take an argument/.test(message)
        ? `${flag} takes no value`
        : `${flag} needs a value, as in ${flag} "…" (for a value starting with -, write ${flag}=-…)`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected ${JSON.stringify(quoted)}: put -- between npm run and the flags, and quotes around a value with spaces`;
    default:
      throw error;
  }
}
