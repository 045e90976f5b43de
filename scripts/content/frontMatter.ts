import yaml from "js-yaml";

export interface FrontMatter {
  data: unknown;
  body: string;
}

/**
 * YAML for front matter without YAML's implicit timestamps: js-yaml's default schema turns an
 * unquoted `2024-13-45` into a different, valid Date (2025-02-14). With the core schema every
 * date stays the string the editor typed, and our validation decides whether it is a real day.
 * Eleventy is configured to parse front matter with this same function, so both agree.
 */
export function parseYaml(source: string): unknown {
  return yaml.load(source, { schema: yaml.CORE_SCHEMA });
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a Markdown file into its YAML front matter and body. Throws YAMLException on bad YAML. */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  const match = FENCE.exec(text.replace(/^\uFEFF/, ""));
  if (!match) return undefined;
  return { data: parseYaml(match[1] ?? "") ?? {}, body: text.slice(match[0].length) };
}

/** "line 3, column 8: …" from a js-yaml error, counting the opening fence as line 1. */
export function describeYamlError(error: unknown): string {
  if (error instanceof yaml.YAMLException) {
    const line = error.mark ? ` at line ${error.mark.line + 2}, column ${error.mark.column + 1}` : "";
    return `the front matter is not valid YAML${line}: ${error.reason}`;
  }
  return `the front matter could not be read: ${String(error)}`;
}
