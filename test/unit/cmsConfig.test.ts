import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cmsConfig, BODY_FIELD, type CmsConfig, type CmsConfigSources } from "../../scripts/cms/cmsConfig.ts";
import type { CmsField, JsonSchema } from "../../scripts/cms/schemaFields.ts";
import { meaningsSchema, validateMeanings } from "../../scripts/content/validateMeanings.ts";
import { regionsSchema } from "../../scripts/content/validateRegions.ts";
import { PROJECT_ROOT } from "../helpers/fixtureSite.ts";

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), "utf8"));

const regionsFile = readJson("_data/regionList.json") as { regions: { name: string }[] };

const sources: CmsConfigSources = {
  settings: readJson("_data/cms.json") as CmsConfigSources["settings"],
  siteUrl: "https://www.defconwarningsystem.com",
  analysisSchema: readJson("_data/article.schema.json") as JsonSchema,
  levelsSchema: readJson("_data/levels.schema.json") as JsonSchema,
  meaningsSchema: meaningsSchema as JsonSchema,
  regionsSchema: regionsSchema as JsonSchema,
  meanings: validateMeanings(readJson("_data/levelMeanings.json"), "_data/levelMeanings.json").meanings!,
  regions: regionsFile.regions,
  analysisFolders: [],
};

/** A date as Decap's datetime widget stores it with `format` (dayjs tokens), for a sample moment. */
function formatSample(format: string): string {
  return format.replace("YYYY", "2024").replace("MM", "06").replace("DD", "10").replace("HH", "14").replace("mm", "30").replace("[Z]", "Z");
}

/** The integers a schema allows, when it allows few enough to pick from. */
function integerRange(schema: JsonSchema): number[] | undefined {
  if (schema.type !== "integer" || schema.minimum === undefined || schema.maximum === undefined) return undefined;
  if (schema.maximum - schema.minimum > 9) return undefined;
  return Array.from({ length: schema.maximum - schema.minimum + 1 }, (_, i) => schema.minimum! + i);
}

/**
 * Every disagreement between an object schema and the CMS fields meant to edit it, recursively:
 * a property without its field or a field without its property, required on one side only, a
 * select whose options are not the values the schema allows, a date stored in a form the
 * schema's pattern refuses, a pattern lost on the way.
 */
function disagreements(schema: JsonSchema, fields: readonly CmsField[], where: string, allowedValues: Readonly<Record<string, readonly (string | number)[]>>): string[] {
  const problems: string[] = [];
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const byName = new Map(fields.map((field) => [field.name, field]));
  for (const name of Object.keys(properties)) if (!byName.has(name)) problems.push(`${where}: property "${name}" has no field`);
  for (const field of fields) {
    const property = properties[field.name];
    const at = `${where}.${field.name}`;
    if (!property) {
      problems.push(`${at}: the schema has no such property`);
      continue;
    }
    if (field.required !== required.has(field.name)) problems.push(`${at}: required is ${field.required} in the CMS, ${required.has(field.name)} in the schema`);
    const allowed = property.enum ?? integerRange(property) ?? allowedValues[field.name];
    if (field.widget === "select") {
      const values = (field.options ?? []).map((option) => option.value);
      if (!allowed) problems.push(`${at}: a select, but the schema does not limit the values`);
      else if ([...values].sort().join() !== [...allowed].sort().join()) problems.push(`${at}: options ${values.join(", ")} but the schema allows ${allowed.join(", ")}`);
      if ((field.multiple ?? false) !== (property.type === "array")) problems.push(`${at}: multiple is ${field.multiple}, the schema's type is ${property.type}`);
      for (const value of values) {
        const type = property.type === "array" ? property.items?.type : property.type;
        if ((type === "integer") !== (typeof value === "number")) problems.push(`${at}: option ${JSON.stringify(value)} is not of the schema's type ${type}`);
      }
    } else if (allowed && property.enum) {
      problems.push(`${at}: the schema lists its values, the CMS does not offer them (widget ${field.widget})`);
    }
    if (field.widget === "datetime") {
      const stored = formatSample(field.format ?? "");
      if (!property.pattern || !new RegExp(property.pattern).test(stored)) problems.push(`${at}: stores "${stored}", which the schema's pattern ${property.pattern} refuses`);
      else if (["not a date", "x", "a-slug"].some((text) => new RegExp(property.pattern!).test(text))) problems.push(`${at}: a date picker for text the schema does not limit to dates`);
    } else if (property.pattern !== undefined && field.pattern?.[0] !== property.pattern) {
      problems.push(`${at}: the schema's pattern ${property.pattern} is not checked by the CMS`);
    }
    if (field.widget === "boolean" && property.type !== "boolean") problems.push(`${at}: a boolean field for a ${property.type}`);
    if (field.widget === "number" && property.type !== "integer" && property.type !== "number") problems.push(`${at}: a number field for a ${property.type}`);
    if (property.type === "object") problems.push(...disagreements(property, field.fields ?? [], at, allowedValues));
    if (property.type === "array" && property.items?.type === "object") problems.push(...disagreements(property.items, field.fields ?? [], `${at}[]`, allowedValues));
    if (field.widget === "list" && (field.min !== property.minItems || field.max !== property.maxItems)) {
      problems.push(`${at}: ${field.min}–${field.max} items in the CMS, ${property.minItems}–${property.maxItems} in the schema`);
    }
  }
  return problems;
}

/** The values a select may offer where the schema's words, not its keywords, limit them. */
const allowedValues = { regions: regionsFile.regions.map((region) => region.name) };

function fileFields(config: CmsConfig, name: string): CmsField[] {
  const collection = config.collections.find((c) => c.name === name);
  if (!collection || !("files" in collection)) throw new Error(`no file collection ${name}`);
  return collection.files[0]!.fields;
}

describe("the CMS configuration, generated from the build's schemas", () => {
  const config = cmsConfig(sources);
  const [analyses] = config.collections;

  it("has a field for every property of an analysis's front matter and nothing the schema does not know, but the body", () => {
    const fields = analyses.fields.filter((field) => field.name !== BODY_FIELD);
    expect(disagreements(sources.analysisSchema, fields, "analysis", allowedValues)).toEqual([]);
    expect(analyses.fields.at(-1)).toMatchObject({ name: BODY_FIELD, widget: "markdown", required: true });
  });

  it("agrees with levels.schema.json, levelMeanings' and regionList's schemas field by field", () => {
    expect(disagreements(sources.levelsSchema, fileFields(config, "levels"), "levels.json", allowedValues)).toEqual([]);
    expect(disagreements(sources.meaningsSchema, fileFields(config, "levelMeanings"), "levelMeanings.json", allowedValues)).toEqual([]);
    expect(disagreements(sources.regionsSchema, fileFields(config, "regions"), "regionList.json", {})).toEqual([]);
  });

  it("offers the five levels as the site writes them, valued by number", () => {
    const level = fileFields(config, "levels").find((f) => f.name === "assessments")!.fields!.find((f) => f.name === "level")!;
    expect(level.options).toEqual([
      { label: "DEFCON 5 Green", value: 5 },
      { label: "DEFCON 4 Blue", value: 4 },
      { label: "DEFCON 3 Yellow", value: 3 },
      { label: "DEFCON 2 Orange", value: 2 },
      { label: "DEFCON 1 Red", value: 1 },
    ]);
  });

  it("stores an analysis's day as YYYY-MM-DD and an assessment's as a day or a UTC minute, picked in UTC", () => {
    expect(analyses.fields.find((f) => f.name === "date")).toMatchObject({ widget: "datetime", format: "YYYY-MM-DD", time_format: false, picker_utc: true });
    const date = fileFields(config, "levels").find((f) => f.name === "assessments")!.fields!.find((f) => f.name === "date")!;
    expect(date).toMatchObject({ widget: "datetime", format: "YYYY-MM-DDTHH:mm[Z]", picker_utc: true });
  });

  it("edits analyses as files in site/articles/, named from the title, and the data files in place", () => {
    expect(analyses).toMatchObject({ folder: "site/articles", create: true, slug: "{{slug}}", extension: "md", format: "frontmatter" });
    expect(config.slug).toEqual({ encoding: "ascii", clean_accents: true, sanitize_replacement: "-" });
    expect(config.collections.slice(1).map((c) => ("files" in c ? c.files[0]!.file : ""))).toEqual(["_data/levels.json", "_data/levelMeanings.json", "_data/regionList.json"]);
  });

  it("lists the analyses of each folder inside site/articles/ as a collection of its own, with the same fields", () => {
    const filed = cmsConfig({ ...sources, analysisFolders: ["2024", "2024/spring"] });
    const folders = filed.collections.filter((c) => "folder" in c);
    expect(folders.map((c) => ("folder" in c ? [c.name, c.label, c.folder] : []))).toEqual([
      ["analyses", "Analyses", "site/articles"],
      ["analyses-2024", "Analyses in 2024/", "site/articles/2024"],
      ["analyses-2024-spring", "Analyses in 2024/spring/", "site/articles/2024/spring"],
    ]);
    for (const collection of folders) expect(collection).toMatchObject({ create: true, fields: analyses.fields });
  });

  it("commits to the repository named in _data/cms.json, and to local files through decap-server", () => {
    expect(config.backend).toEqual({ name: "github", repo: sources.settings.repo, branch: sources.settings.branch, base_url: sources.settings.oauthBaseUrl, auth_endpoint: sources.settings.oauthEndpoint });
    expect(config.local_backend).toBe(true);
  });
});

describe("the agreement check", () => {
  const config = cmsConfig(sources);
  const fields = config.collections[0].fields.filter((field) => field.name !== BODY_FIELD);

  it("notices a missing field, a stray field, a required mismatch, wrong options and a lost pattern", () => {
    const broken: CmsField[] = [
      ...fields
        .filter((f) => f.name !== "summary")
        .map((f) => (f.name === "title" ? { ...f, required: false } : f.name === "feedId" ? { ...f, pattern: undefined } : f))
        .map((f) => (f.name === "regions" ? { ...f, options: f.options!.slice(1) } : f)),
      { name: "regoins", label: "Regoins", widget: "string", required: false },
    ];
    const problems = disagreements(sources.analysisSchema, broken, "analysis", allowedValues);
    expect(problems).toEqual(
      expect.arrayContaining([
        'analysis: property "summary" has no field',
        "analysis.regoins: the schema has no such property",
        "analysis.title: required is false in the CMS, true in the schema",
        expect.stringMatching(/^analysis\.regions: options/),
        expect.stringMatching(/^analysis\.feedId: the schema's pattern/),
      ]),
    );
  });

  it("notices a date stored in a form the schema refuses", () => {
    const broken = fields.map((f) => (f.name === "date" ? { ...f, format: "DD/MM/YYYY" } : f));
    expect(disagreements(sources.analysisSchema, broken, "analysis", allowedValues)).toEqual([
      'analysis.date: stores "10/06/2024", which the schema\'s pattern ^\\d{4}-\\d{2}-\\d{2}$ refuses',
    ]);
  });
});
