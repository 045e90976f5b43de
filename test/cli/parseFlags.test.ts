import { describe, expect, it } from "vitest";
import { UsageError } from "../../scripts/cli/commandErrors.ts";
import { parseFlags } from "../../scripts/cli/parseFlags.ts";

const NAMES = ["level", "reason", "article", "date"] as const;
const parse = (...args: string[]) => parseFlags(args, NAMES);
const usageError = (...args: string[]) => {
  try {
    parse(...args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${args.join(" ")} was accepted`);
};

describe("reading an editor's command line", () => {
  it("reads each flag's value, in either form, and nothing else", () => {
    expect(parse("--level", "4", "--reason=Tension: rising", "--date", "2025-01-01")).toEqual({
      help: false,
      values: { level: "4", reason: "Tension: rising", date: "2025-01-01" },
    });
    expect(parse("--level=-1").values.level).toBe("-1");
    expect(parse("--reason", "").values.reason).toBe("");
  });

  it("asks for help with --help or -h", () => {
    expect(parse("--help").help).toBe(true);
    expect(parse("-h", "--level", "3").help).toBe(true);
  });

  it("refuses an unknown flag, naming it and the flag probably meant", () => {
    expect(usageError("--levle", "4")).toBe("unknown flag --levle (did you mean --level?)");
    expect(usageError("--colour", "red")).toBe("unknown flag --colour");
    expect(usageError("-x")).toBe("unknown flag -x");
  });

  it("refuses a flag without its value, also when the next word is another flag", () => {
    expect(usageError("--level")).toMatch(/^--level needs a value/);
    expect(usageError("--reason", "--level", "4")).toMatch(/^--reason needs a value/);
    expect(usageError("--help=yes")).toBe("--help takes no value");
  });

  it("refuses a flag given twice rather than silently keeping one", () => {
    expect(usageError("--level", "4", "--level=3")).toBe("--level is given twice; give it once");
  });

  it("refuses a stray word, as an unquoted value or a missing -- after npm run leaves", () => {
    expect(usageError("--reason", "Tension", "rising")).toBe('unexpected "rising": put -- between npm run and the flags, and quotes around a value with spaces');
  });
});
