import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { describeValue } from "./describeValue.ts";
import type { Problem } from "./problem.ts";

type JsonSchema = Record<string, unknown>;

const ajv = new Ajv({ allErrors: true, strict: true });
/** Keyed by the schema's text: each build reads the schema file afresh, but compiles it once. */
const compiled = new Map<string, ValidateFunction>();

/**
 * Validates `data` against a JSON Schema and turns Ajv's errors into sentences for editors:
 * each names the field and repeats the schema's own `description` of what is expected,
 * so the schema file is the single place where a field is explained.
 */
export function schemaProblems(
  schema: JsonSchema,
  data: unknown,
  file: string,
  entryLabel: (path: string[]) => string | undefined = () => undefined,
): Problem[] {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    // $schema and $id serve editors' IDEs; Ajv would refuse to register one $id twice.
    const { $schema: _schema, $id: _id, ...rest } = schema;
    validate = ajv.compile(rest);
    compiled.set(key, validate);
  }
  if (validate(data)) return [];
  return dedupe(validate.errors ?? []).map((error) => {
    const path = error.instancePath.split("/").slice(1).map(unescapePointer);
    const field = fieldName(error, path);
    const problem: Problem = { file, message: sentence(error, schema, data) };
    const entry = entryLabel(path);
    if (entry !== undefined) problem.entry = entry;
    if (field !== undefined) problem.field = field;
    return problem;
  });
}

function unescapePointer(part: string): string {
  return part.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The field an error is about: the last named property, with any list index after it. */
function fieldName(error: ErrorObject, path: string[]): string | undefined {
  if (error.keyword === "required") return String(error.params["missingProperty"]);
  if (error.keyword === "additionalProperties") return String(error.params["additionalProperty"]);
  let name: string | undefined;
  for (const part of path) {
    if (/^\d+$/.test(part)) {
      if (name !== undefined) name += `[${part}]`;
    } else {
      name = part;
    }
  }
  return name;
}

function sentence(error: ErrorObject, schema: JsonSchema, data: unknown): string {
  const expected = describeExpected(error, schema);
  const found = valueAt(data, error.instancePath);
  const got = found === undefined ? "" : `; found ${describeValue(found)}`;
  switch (error.keyword) {
    case "required":
      return `is required but missing${expected}`;
    case "additionalProperties":
      return `is not a field this file knows (a typo?)${expected}`;
    case "type":
      return `must be ${article(String(error.params["type"]))}${got}${expected}`;
    case "minimum":
    case "maximum":
      return `is out of range${got}${expected}`;
    case "minLength":
      return `must not be empty${expected}`;
    case "maxLength":
      return `is too long (at most ${error.params["limit"]} characters)${expected}`;
    case "minItems":
      return `needs at least ${error.params["limit"]} item(s)${expected}`;
    case "uniqueItems":
      return `lists the same value twice${got}${expected}`;
    default:
      return `is not valid${got}${expected}`;
  }
}

function article(type: string): string {
  const words: Record<string, string> = {
    integer: "a whole number",
    string: "text",
    array: "a list",
    object: "an object",
    boolean: "true or false",
    number: "a number",
  };
  return words[type] ?? type;
}

/** The schema's `description` for the failing field, as ". Expected: …". */
function describeExpected(error: ErrorObject, schema: JsonSchema): string {
  let node: unknown = schema;
  const parts = error.schemaPath.replace(/^#\//, "").split("/").map(unescapePointer);
  // Walk to the schema node of the failing value (for `required`, the missing property's).
  if (error.keyword === "required") {
    parts.pop();
    parts.push("properties", String(error.params["missingProperty"]));
  } else {
    parts.pop();
  }
  for (const part of parts) {
    if (node === null || typeof node !== "object") return "";
    node = (node as Record<string, unknown>)[part];
  }
  const description = (node as Record<string, unknown> | undefined)?.["description"];
  return typeof description === "string" ? `. Expected: ${description}` : "";
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split("/").slice(1).map(unescapePointer)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Ajv can report the same failure twice (e.g. through `allErrors`); editors need it once. */
function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
