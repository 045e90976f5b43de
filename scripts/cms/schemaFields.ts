/** The part of JSON Schema (draft-07) that the content schemas use. */
export interface JsonSchema {
  type?: string;
  required?: readonly string[];
  properties?: Readonly<Record<string, JsonSchema>>;
  items?: JsonSchema;
  enum?: readonly (string | number)[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  description?: string;
}

/** One choice of a select field: what the editor reads, and what the file gets. */
export interface CmsOption {
  label: string;
  value: string | number;
}

/** A Decap CMS field (https://decapcms.org/docs/widgets/), as much of it as the site uses. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  pattern?: [string, string];
  options?: CmsOption[];
  multiple?: boolean;
  fields?: CmsField[];
  field?: CmsField;
  min?: number;
  max?: number;
  value_type?: "int";
  format?: string;
  date_format?: string;
  time_format?: string | false;
  picker_utc?: boolean;
  collapsed?: boolean;
  summary?: string;
}

/**
 * Choices by property name, wherever the property occurs: the schema says "a level from 1 to 5"
 * or "a region named in _data/regionList.json"; the editor picks "DEFCON 4 Blue" or "Asia-Pacific".
 */
export type NamedChoices = Readonly<Record<string, readonly CmsOption[]>>;

/**
 * The storage formats of Decap's datetime widget (dayjs tokens) for the two kinds of date the
 * build accepts, chosen by what the schema's pattern accepts: a day, or a day or a UTC minute.
 */
export const DAY_FORMAT = "YYYY-MM-DD";
export const UTC_MINUTE_FORMAT = "YYYY-MM-DDTHH:mm[Z]";
const SAMPLE_DAY = "2024-06-10";
const SAMPLE_UTC_MINUTE = "2024-06-10T14:30Z";
/** Text a date pattern refuses; a pattern that accepts any (the title's \S, a slug's) is not a date's. */
const NOT_DATES = ["not a date", "x"];

/** Properties whose text runs to sentences: a text area rather than a one-line box. */
const LONG_TEXT = new Set(["summary", "reason", "meaning", "advice", "description"]);
const HEX_COLOUR = "^#[0-9a-fA-F]{6}$";

/** "feedId" → "Feed id", "$schema" → "Schema": the property's name, as words. */
export function fieldLabel(name: string): string {
  const words = name.replace(/^\$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The Decap fields for each property of an object schema, in the schema's order. */
export function fieldsFromSchema(schema: JsonSchema, choices: NamedChoices): CmsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => fieldFromSchema(name, property, required.has(name), choices));
}

function fieldFromSchema(name: string, schema: JsonSchema, required: boolean, choices: NamedChoices): CmsField {
  const base = { name, label: fieldLabel(name), required, ...(schema.description ? { hint: schema.description } : {}) };
  const named = choices[name];
  if (name === "$schema") return { ...base, widget: "hidden" };
  if (schema.type === "boolean") return { ...base, widget: "boolean" };
  if (schema.type === "integer" || schema.type === "number") {
    if (named) return { ...base, widget: "select", options: [...named] };
    return {
      ...base,
      widget: "number",
      ...(schema.type === "integer" ? { value_type: "int" as const } : {}),
      ...(schema.minimum !== undefined ? { min: schema.minimum } : {}),
      ...(schema.maximum !== undefined ? { max: schema.maximum } : {}),
    };
  }
  if (schema.type === "string") return { ...base, ...stringWidget(name, schema, named) };
  if (schema.type === "array") {
    const items = schema.items ?? {};
    const bounds = { ...(schema.minItems !== undefined ? { min: schema.minItems } : {}), ...(schema.maxItems !== undefined ? { max: schema.maxItems } : {}) };
    if (named) return { ...base, widget: "select", multiple: true, options: [...named], ...bounds };
    if (items.type === "object") {
      return { ...base, widget: "list", collapsed: true, ...bounds, fields: fieldsFromSchema(items, choices) };
    }
    return { ...base, widget: "list", ...bounds, field: fieldFromSchema(name, items, true, choices) };
  }
  if (schema.type === "object") return { ...base, widget: "object", collapsed: true, fields: fieldsFromSchema(schema, choices) };
  throw new Error(`the schema's property "${name}" has a type the CMS configuration does not know: ${String(schema.type)}`);
}

function stringWidget(name: string, schema: JsonSchema, named: readonly CmsOption[] | undefined): Omit<CmsField, "name" | "label" | "required"> {
  if (named) return { widget: "select", options: [...named] };
  if (schema.enum) return { widget: "select", options: schema.enum.map((value) => ({ label: String(value), value })) };
  const pattern = schema.pattern !== undefined ? new RegExp(schema.pattern) : undefined;
  if (pattern?.test(SAMPLE_DAY) && !NOT_DATES.some((text) => pattern.test(text))) {
    // The build reads dates in UTC, so the picker does too.
    return pattern.test(SAMPLE_UTC_MINUTE)
      ? { widget: "datetime", format: UTC_MINUTE_FORMAT, date_format: DAY_FORMAT, time_format: "HH:mm", picker_utc: true }
      : { widget: "datetime", format: DAY_FORMAT, date_format: DAY_FORMAT, time_format: false, picker_utc: true };
  }
  const widget = schema.pattern === HEX_COLOUR ? "color" : LONG_TEXT.has(name) ? "text" : "string";
  return { widget, ...(schema.pattern !== undefined ? { pattern: [schema.pattern, schema.description ?? `must match ${schema.pattern}`] } : {}) };
}
