/**
 * Input a command understood but refuses, one line per problem ("--level: is out of range…").
 * Thrown before anything is written, so the command can promise that nothing was.
 */
export class Refusal extends Error {
  readonly lines: string[];

  constructor(lines: string[]) {
    super(lines.join("\n"));
    this.name = "Refusal";
    this.lines = lines;
  }
}

/** A command line the command cannot read: an unknown flag, a flag without its value, a required flag missing. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
