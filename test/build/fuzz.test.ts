import { readFileSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseFeed } from "@rowanmanning/feed-parser";
import * as cheerio from "cheerio";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../scripts/content/loadContent.ts";
import { ContentError, formatProblem } from "../../scripts/content/problem.ts";
import { scanXmlFeed } from "../../scripts/gates/scanFeed.ts";
import { makeFixtureSite, type FixtureSite } from "../helpers/fixtureSite.ts";
import { crashLine, folderDigest, htmlSafetyProblems } from "../helpers/outputChecks.ts";
import { parseStrictXml, xmlElements, type XmlElement } from "../helpers/strictXml.ts";

/**
 * Fuzzing the editors' files: fast-check generates analyses (`site/articles/**`) and
 * `_data/levels.json` with hostile text (markup, template syntax, control characters), wrong
 * types, missing and unknown fields, broken YAML and JSON, odd file names and folders, and bytes
 * that are not UTF-8. Whatever it gets, the build either publishes well-formed output that shows
 * the text literally, or refuses with a message naming the file; it never crashes.
 *
 *   1. The validator, in process, many times: `loadContent` returns the content or throws a
 *      ContentError whose every problem names a mutated file, within a time limit.
 *   2. Whole builds, a few times (each takes seconds): valid but hostile text is published
 *      literally and escaped; broken content is refused without a stack trace and without
 *      touching the last good `_site/`.
 *
 * Runs are reproducible. A failure prints its seed and path; replay it with
 *   DEFCON_FUZZ_SEED=<seed> DEFCON_FUZZ_PATH=<path> npx vitest run test/build/fuzz.test.ts -t "<test name>"
 * Other knobs: DEFCON_FUZZ_RUNS (validator runs, default 200), DEFCON_FUZZ_BUILDS (builds per
 * whole-build test, default 2), e.g. DEFCON_FUZZ_SEED=$RANDOM DEFCON_FUZZ_BUILDS=20 to explore.
 */

function envNumber(name: string): number | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : Number(value);
}

const GIVEN_SEED = envNumber("DEFCON_FUZZ_SEED");
/** Each property gets its own default seed, so that they do not start from the same content. */
const seedFor = (property: number) => GIVEN_SEED ?? 1984 + property;
const REPLAY_PATH = process.env["DEFCON_FUZZ_PATH"] || undefined;
const VALIDATOR_RUNS = envNumber("DEFCON_FUZZ_RUNS") ?? 200;
const BUILD_RUNS = envNumber("DEFCON_FUZZ_BUILDS") ?? 2;

const BUILD_DATE = "2026-01-15T12:00:00Z";
const NOW = new Date(BUILD_DATE);
const SITE = JSON.parse(readFileSync("_data/site.json", "utf8")) as { name: string; url: string };
const SITE_URL = SITE.url.replace(/\/+$/, "");
const REGIONS = (JSON.parse(readFileSync("_data/regionList.json", "utf8")) as { regions: { name: string }[] }).regions.map((r) => r.name);
const LEVELS_FILE = "_data/levels.json";
const ARTICLES = "site/articles";
/** A problem is one line an editor reads; a value echoed into it must be cut short. */
const MAX_PROBLEM_LENGTH = 2_000;
/** The validator reads a handful of small files; seconds mean something runs away. */
const MAX_LOAD_MS = 3_000;

// ---------------------------------------------------------------------------------------------
// Text

/** Markup, template syntax and look-alikes that a page must show as text, never interpret. */
const MARKUP = [
  "<script>alert(1)</script>",
  "</title>",
  "</h1><h1>",
  "<!-- x -->",
  "-->",
  "<![CDATA[x]]>",
  "]]>",
  "{{ 7*7 }}",
  "{{ site.disclaimer }}",
  "{% raw %}",
  "{% endraw %}",
  "{%- if true %}",
  "{# c #}",
  "${x}",
  "`${process.exit()}`",
  "&amp;",
  "&lt;b&gt;",
  "&#0;",
  "&",
  '"',
  "'",
  "\"'><svg onload=alert(1)>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "[x](javascript:alert(1))",
  '<a href="javascript:alert(1)">x</a>',
  "\\",
  "\\u0000",
  "<?xml version=\"1.0\"?>",
  "?>",
  "<!DOCTYPE x [<!ENTITY e \"boom\">]>",
  "&e;",
  "---",
  "# not a heading",
  "*",
  "|",
  "🛰️",
  "\u202Eevil",
  "日本語",
  "e\u0301",
  "!!js/function",
  "&anchor",
  "*alias",
  "~",
  "null",
  "__proto__",
  "</script><script>",
  "<style>body{}</style>",
  "url(https://evil.example/x)",
  "\u2028",
  "\u2029",
  "\uFEFF",
  "\t",
  "\n",
  "\r\n",
];

/** Characters that are not text in HTML or XML, or that a careless writer garbles. */
const CONTROLS = ["\u0000", "\u0008", "\u000B", "\u000C", "\u001B", "\u007F", "\u0085", "\u009F", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "\r"];

const WORDS = ["nuclear", "Baltic", "deterrence", "Kaliningrad", "treaty", "talks", "Analyses", "DEFCON", "2024", "naïve", "l'été", "Σ", "北京"];

const word = fc.constantFrom(...WORDS);
const textOf = (tokens: readonly string[], maxParts: number) =>
  fc.array(fc.oneof(word, fc.constantFrom(...tokens)), { minLength: 1, maxLength: maxParts }).map((parts) => parts.join(" "));
/** Valid text for any field: printable, markup and template syntax included. */
const markupText = textOf(MARKUP, 5);
/** Anything a file could hold, controls and lone surrogates included. */
const anyText = fc.oneof(
  { arbitrary: markupText, weight: 2 },
  { arbitrary: textOf([...MARKUP, ...CONTROLS], 6), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 30 }), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }), weight: 1 },
);

/** A YAML double-quoted scalar for any string: JSON's escapes, plus those YAML needs for characters it will not read raw. */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** How text reads after an HTML or XML parser: line ends become LF. */
const parsed = (text: string) => text.replace(/\r\n?/g, "\n");
/** What a feed can carry: XML 1.0 forbids these characters even escaped (lone surrogates included). */
const xmlText = (text: string) => text.replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");

const show = (text: string, max = 160) => {
  const json = JSON.stringify(text);
  return json.length > max ? `${json.slice(0, max)}…" (${text.length} chars)` : json;
};

// ---------------------------------------------------------------------------------------------
// Content

/** A body paragraph, and what the page must show of it (Markdown may change some text). */
interface Paragraph {
  markdown: string;
  shows?: string;
}

/** Typed into Markdown, each must appear as text: raw HTML is off and nothing is a template. */
const BODY_TOKENS: Paragraph[] = [
  { markdown: "<script>alert(1)</script>", shows: "<script>alert(1)</script>" },
  { markdown: "<img src=x onerror=alert(1)>", shows: "<img src=x onerror=alert(1)>" },
  { markdown: "</title></h1></main>", shows: "</title></h1></main>" },
  { markdown: "{{ 1234 * 1000 }}", shows: "{{ 1234 * 1000 }}" },
  { markdown: "{% raw %} and {% endraw %}", shows: "{% raw %} and {% endraw %}" },
  { markdown: "{# not a comment #}", shows: "{# not a comment #}" },
  { markdown: "${x} and ]]> and <![CDATA[", shows: "${x} and ]]> and <![CDATA[" },
  { markdown: "[click](javascript:alert(1))", shows: "[click](javascript:alert(1))" },
  { markdown: "[click](JaVaScRiPt:alert(1))", shows: "[click](JaVaScRiPt:alert(1))" },
  { markdown: "<javascript:alert(1)>", shows: "<javascript:alert(1)>" },
  { markdown: "[data](data:text/html;base64,PHNjcmlwdD4=)", shows: "[data](data:text/html;base64,PHNjcmlwdD4=)" },
  { markdown: "Fish &amp; chips", shows: "Fish & chips" },
  { markdown: "\\<b>escaped\\</b>", shows: "<b>escaped</b>" },
  { markdown: "An [outbound link](https://example.org/report) is fine." },
  { markdown: "<!-- hidden? -->" },
  { markdown: "## Main" },
  { markdown: "## {{ }}" },
  { markdown: "## <script>x</script>" },
  { markdown: "```\n<script>alert(1)</script>\n```", shows: "<script>alert(1)</script>" },
  { markdown: "> quoted <b>markup</b>", shows: "quoted <b>markup</b>" },
];
/** Only in files that may be refused: a third-party image and a broken link break a gate; controls are not text. */
const BAD_BODY_TOKENS: Paragraph[] = [
  { markdown: "![pixel](https://evil.example/pixel.png)" },
  { markdown: "[dead](/no/such/page/)" },
  { markdown: "\u0000\u0008\u001B\uFFFE" },
];

const sentence = fc.array(word, { minLength: 3, maxLength: 12 }).map((words): Paragraph => {
  const text = words.join(" ") + ".";
  // Typography turns quotes into curly ones: compare only what Markdown leaves alone.
  return /['"]/.test(text) ? { markdown: text } : { markdown: text, shows: text };
});
const bodyOf = (tokens: Paragraph[]) =>
  fc.array(fc.oneof(sentence, fc.constantFrom(...tokens)), { minLength: 1, maxLength: 6 });

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2000, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2025, 11, 31) / DAY_MS;
const dayString = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A valid analysis before it gets its unique slug and title; `body` picks its paragraphs. */
const analysisPartsWith = (body: fc.Arbitrary<Paragraph[]>) =>
  fc.record({
    words: fc.array(fc.constantFrom("baltic", "arms", "treaty", "north", "sea", "2024", "talks"), { minLength: 1, maxLength: 3 }),
    title: markupText,
    summary: markupText,
    day: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    regions: fc.subarray(REGIONS),
    draft: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
    body,
  });
const analysisParts = analysisPartsWith(bodyOf(BODY_TOKENS));
type AnalysisParts = typeof analysisParts extends fc.Arbitrary<infer T> ? T : never;

interface Analysis {
  slug: string;
  title: string;
  date: string;
  summary: string;
  regions: string[];
  draft: boolean;
  body: Paragraph[];
}

function analysisFrom(parts: AnalysisParts, slug: string, mark: string): Analysis {
  return {
    slug,
    // Titles and descriptions must be unique across the site (a gate), so each carries a mark.
    title: `${parts.title} ${mark}`,
    summary: `${parts.summary} ${mark}`,
    date: dayString(parts.day),
    regions: parts.regions,
    draft: parts.draft,
    body: parts.body,
  };
}

function frontMatterOf(analysis: Analysis): [string, string][] {
  const entries: [string, string][] = [
    ["title", yamlString(analysis.title)],
    ["date", yamlString(analysis.date)],
    ["summary", yamlString(analysis.summary)],
  ];
  if (analysis.regions.length > 0) entries.push(["regions", `[${analysis.regions.map(yamlString).join(", ")}]`]);
  if (analysis.draft) entries.push(["draft", "true"]);
  return entries;
}

const bodyText = (body: Paragraph[]) => body.map((p) => p.markdown).join("\n\n");
const markdownFile = (entries: [string, string][], body: string) =>
  ["---", ...entries.map(([key, value]) => `${key}: ${value}`), "---", "", body, ""].join("\n");

interface Assessment {
  date: string;
  level: number;
  reason: string;
  article?: string;
}

const assessmentParts = fc.record({
  gap: fc.integer({ min: 1, max: 900 }),
  time: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))),
  level: fc.integer({ min: 1, max: 5 }),
  reason: markupText,
  analysis: fc.option(fc.nat()),
});
type AssessmentParts = typeof assessmentParts extends fc.Arbitrary<infer T> ? T : never;

/** Distinct moments in the past, in file order; each may cite a published analysis. */
function assessmentsFrom(parts: AssessmentParts[], start: number, published: string[]): Assessment[] {
  let day = start;
  return parts.map((p, index) => {
    day += p.gap;
    const time = p.time ? `T${String(p.time[0]).padStart(2, "0")}:${String(p.time[1]).padStart(2, "0")}Z` : "";
    const assessment: Assessment = { date: dayString(day) + time, level: p.level, reason: `${p.reason} ·${index}` };
    if (p.analysis !== null && published.length > 0) assessment.article = published[p.analysis % published.length]!;
    return assessment;
  });
}

/** A file written as it is, valid or not. */
interface Mutant {
  /** Relative to the project root. */
  path: string;
  bytes: Uint8Array;
  /** What was done to it, for the report of a failing case. */
  how: string[];
  /** Why the validator and every build must refuse it, when they certainly must. */
  mustRefuse?: string;
  /** Why a build must refuse it, when only a build can tell (e.g. an alias that is a page's address). */
  buildMustRefuse?: string;
  /** Not an analysis (hidden, or not Markdown): the build may ignore it. */
  ignorable: boolean;
  /** `mustRefuse` holds for the production build only, not for `npm start` (which shows drafts). */
  productionOnly?: boolean;
  /** The address its page would have, for gate messages that name the page. */
  page?: string;
}

/** One set of content files: valid analyses and assessments, and files that may be anything. */
interface Case {
  analyses: Analysis[];
  assessments: Assessment[];
  mutants: Mutant[];
}

const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

// ---------------------------------------------------------------------------------------------
// Mutations of an analysis

interface Doc {
  entries: [string, string][];
  body: string;
}

/** One change to an analysis; `refuse` when the content model certainly forbids the result, `refuseBuild` when only a build can tell. */
interface Mutation {
  how: string;
  refuse?: string;
  refuseBuild?: string;
  apply(doc: Doc): void;
}

function setField(doc: Doc, key: string, yaml: string): void {
  const entry = doc.entries.find(([k]) => k === key);
  if (entry) entry[1] = yaml;
  else doc.entries.push([key, yaml]);
}
const removeField = (doc: Doc, key: string) => {
  doc.entries = doc.entries.filter(([k]) => k !== key);
};
/** Each front matter field's values (a field may be written twice) and the body, to see what a change touched. */
function fieldsOf(doc: Doc): Map<string, string> {
  const fields = new Map<string, string>([["(body)", doc.body]]);
  for (const [key, value] of doc.entries) fields.set(key, `${fields.get(key) ?? ""}\u0000${value}`);
  return fields;
}
const refuse = (how: string, apply: (doc: Doc) => void): Mutation => ({ how, refuse: how, apply });
const either = (how: string, apply: (doc: Doc) => void): Mutation => ({ how, apply });

function aliasBomb(depth: number): string {
  const lines = ["{ b0: &b0 [lol, lol]"];
  for (let i = 1; i <= depth; i++) lines.push(`, b${i}: &b${i} [*b${i - 1}, *b${i - 1}]`);
  return lines.join("") + ` }`;
}

const WRONG_TYPES: Record<string, string[]> = {
  title: ["42", "true", "null", "~", "[]", "[a, b]", "{}", "{a: 1}", "3.5e10"],
  summary: ["42", "false", "null", "[]", "{x: y}"],
  date: ["20240101", "true", "null", "[2024, 1, 1]", "{}"],
  regions: ['"Global"', "42", "{}", "[1]", "[[]]", "[null]"],
  draft: ['"true"', "1", "yes", "null", "[]"],
};

const refusingMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom("title", "date", "summary").map((key) => refuse(`no ${key}`, (doc) => removeField(doc, key))),
  fc
    .constantFrom(...Object.keys(WRONG_TYPES))
    .chain((key) => fc.constantFrom(...WRONG_TYPES[key]!).map((value) => refuse(`${key}: ${value}`, (doc) => setField(doc, key, value)))),
  fc
    .tuple(fc.constantFrom("title", "summary"), fc.constantFrom('""', '"   "', '"\\t\\n"', '"\\u00A0"', '"\\uFEFF"'))
    .map(([key, value]) => refuse(`blank ${key} ${value}`, (doc) => setField(doc, key, value))),
  fc.integer({ min: 401, max: 5_000 }).map((length) => refuse(`summary of ${length} characters`, (doc) => setField(doc, "summary", yamlString("x".repeat(length))))),
  fc
    .constantFrom("2024-13-45", '"2024-02-30"', '"2024-1-1"', '"2024-01-01T00:00:00Z"', '"2030-06-01"', '"0000-00-00"', '" 2024-01-01"', '"2024-06-31"', "2024-01-01 12:00")
    .map((value) => refuse(`date: ${value}`, (doc) => setField(doc, "date", value))),
  fc
    .constantFrom('["Atlantis"]', '["asia-pacific"]', '["Asia-Pacific "]', '["Global", "Global"]', '[""]')
    .map((value) => refuse(`regions: ${value}`, (doc) => setField(doc, "regions", value))),
  fc
    .tuple(
      fc.constantFrom("permalink", "layout", "eleventyExcludeFromCollections", "templateEngineOverride", "eleventyComputed", "pagination", "tags", "Title", "titel", "__proto__", "constructor", "toString"),
      fc.constantFrom('"/evil/"', "true", '"njk"', "{title: x}"),
    )
    .map(([key, value]) => refuse(`unknown field ${key}: ${value}`, (doc) => doc.entries.push([key, value]))),
  fc.constant(refuse("title twice", (doc) => doc.entries.push(["title", '"Another title"']))),
  fc
    .constantFrom("!!js/function 'function () { return 1 }'", "!!js/undefined ''", "!!binary aGk=", "!!timestamp 2024-01-01", "!!python/object:os.system ls", "!!set {a}", "!!omap [a: 1]", "!custom x")
    .map((value) => refuse(`title: ${value}`, (doc) => setField(doc, "title", value))),
  fc.constant(refuse("title: *undefined", (doc) => setField(doc, "title", "*nowhere"))),
  fc.integer({ min: 6, max: 14 }).map((depth) => refuse(`title: an alias bomb of depth ${depth}`, (doc) => {
    doc.entries.unshift(["bomb", aliasBomb(depth)]);
    setField(doc, "title", `*b${depth}`);
  })),
  fc.integer({ min: 50, max: 3_000 }).map((depth) => refuse(`title nested ${depth} deep`, (doc) => setField(doc, "title", "[".repeat(depth) + "]".repeat(depth)))),
  fc.constantFrom("", "\n \t\n").map((body) => refuse(`body ${JSON.stringify(body)}`, (doc) => {
    doc.body = body;
  })),
  fc.constantFrom("\u0000", "\u0008", "\u001B", "\uFFFE").map((c) => refuse(`raw ${show(c)} in the YAML`, (doc) => setField(doc, "title", `"a${c}b"`))),
  fc
    .constantFrom<unknown>(
      "//evil.example/x", "https://evil.example/", "no-slash", "/a b/", "/x?y=1", "/x#y", "/old/*", "/:year/x", "/a\\b", "/../x", 42, "/same/", "/a\tb/",
    )
    .map((alias) => refuse(`aliases: [${JSON.stringify(alias)}]`, (doc) => setField(doc, "aliases", alias === "/same/" ? '["/same/", "/same/"]' : `[${JSON.stringify(alias)}]`))),
  // Only the build knows every page, so only the build can refuse an alias that is one.
  fc
    .constantFrom("/", "/articles/", "/feeds/", "/history/")
    .map((alias): Mutation => ({ how: `aliases: ["${alias}"]`, refuseBuild: `the alias ${alias} is a page of the site`, apply: (doc) => setField(doc, "aliases", `["${alias}"]`) })),
  fc.constantFrom('"2024-13-01"', '"1999-01-01"', '"yesterday"', "20240101").map((updated) => refuse(`updated: ${updated}`, (doc) => setField(doc, "updated", updated))),
  fc
    .constantFrom('"urn:x"', '"tag:defconwarningsystem.com,2024-01-01:analysis/Bad"', '"tag:evil.example,2024-01-01:analysis/x"', "[]")
    .map((feedId) => refuse(`feedId: ${feedId}`, (doc) => setField(doc, "feedId", feedId))),
);

const eitherMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant(either("title: !!str 42", (doc) => setField(doc, "title", "!!str 42"))),
  fc.constant(either("summary: an alias of the title", (doc) => {
    const title = doc.entries.find(([k]) => k === "title")?.[1] ?? '"T"';
    setField(doc, "title", `&t ${title}`);
    setField(doc, "summary", "*t");
  })),
  anyText.map((text) => either(`title: block scalar ${show(text, 40)}`, (doc) => setField(doc, "title", "|-\n  " + text.replace(/\r?\n|\r/g, "\n  ")))),
  anyText.map((text) => either(`title: ${show(text, 60)}`, (doc) => setField(doc, "title", yamlString(text)))),
  anyText.map((text) => either(`summary: ${show(text, 60)}`, (doc) => setField(doc, "summary", yamlString(text)))),
  fc.constant(either("a YAML comment", (doc) => doc.entries.push(["# note", "<script>"]))),
  fc
    .constantFrom("/2024/05/18/old/", "/old", "/ünïcode/", "/%20/", "/a//b/", "/WordPress/Old-Post", "/x.html", "/<script>/")
    .map((alias) => either(`aliases: [${JSON.stringify(alias)}]`, (doc) => setField(doc, "aliases", yamlString(alias).replace(/^/, "[") + "]"))),
  fc.nat().map((n) => either(`feedId of old-slug-${n}`, (doc) => setField(doc, "feedId", `"tag:defconwarningsystem.com,2020-01-01:analysis/old-slug-${n}"`))),
  fc.integer({ min: 500, max: 60_000 }).map((length) => either(`title of ${length} characters`, (doc) => {
    const words = ["Kaliningrad", "treaty", "<b>", "{{ x }}", "Σ", "北京"];
    setField(doc, "title", yamlString(Array.from({ length: Math.ceil(length / 6) }, (_, i) => words[(i * 7) % words.length]).join(" ").slice(0, length)));
  })),
  fc.constant(either("date: 2024-02-29, unquoted", (doc) => setField(doc, "date", "2024-02-29"))),
  fc.integer({ min: 20_000, max: 300_000 }).map((length) => either(`body of ${length} characters`, (doc) => {
    doc.body = ("Lorem ipsum dolor sit amet, " + "<b>x</b> {{ y }} ").repeat(Math.ceil(length / 45)).slice(0, length);
  })),
  fc.constantFrom(...CONTROLS, "\uFEFF").map((c) => either(`${show(c)} in the body`, (doc) => {
    doc.body = `Before${c}after.\n\n${doc.body}`;
  })),
  fc.constantFrom(...BAD_BODY_TOKENS).map((p) => either(`body: ${show(p.markdown)}`, (doc) => {
    doc.body += `\n\n${p.markdown}`;
  })),
);

/** How the front matter is fenced. */
const FRAMES: { how: string; refuse?: string; write(entries: [string, string][], body: string): string }[] = [
  { how: "plain", write: markdownFile },
  { how: "CRLF line ends", write: (e, b) => markdownFile(e, b).replace(/\r?\n/g, "\r\n") },
  { how: "UTF-8 byte order mark", write: (e, b) => "\uFEFF" + markdownFile(e, b) },
  { how: "spaces after the fences", write: (e, b) => markdownFile(e, b).replace(/^---$/gm, "---  ") },
  { how: "no closing fence", write: (e, b) => ["---", ...e.map(([k, v]) => `${k}: ${v}`), "", b].join("\n") },
  { how: "no front matter", refuse: "no front matter", write: (_e, b) => b || "Text." },
  { how: "a blank line before the front matter", refuse: "front matter not at the start", write: (e, b) => "\n" + markdownFile(e, b) },
  { how: "---yaml fence", write: (e, b) => markdownFile(e, b).replace(/^---\n/, "---yaml\n") },
  {
    how: "JavaScript front matter",
    refuse: "JavaScript front matter cannot be validated and must never run",
    write: (_e, b) => `---js\n{ title: "js-" + (6 * 7), date: "2024-01-01", summary: "S." }\n---\n\n${b || "Text."}\n`,
  },
  { how: "a second front matter in the body", write: (e, b) => markdownFile(e, `---\nlayout: false\n---\n${b}`) },
];

/** Bytes on disk: the encodings editors' tools produce by mistake. */
const ENCODINGS: { how: string; encode(text: string, at: number): Uint8Array }[] = [
  { how: "UTF-8", encode: (text) => Buffer.from(text, "utf8") },
  { how: "UTF-8", encode: (text) => Buffer.from(text, "utf8") },
  { how: "UTF-8", encode: (text) => Buffer.from(text, "utf8") },
  ...[[0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]].map((bad) => ({
    how: `bytes ${bad.map((b) => b.toString(16)).join(" ")} inserted`,
    encode: (text: string, at: number) => {
      const bytes = Buffer.from(text, "utf8");
      const cut = bytes.length === 0 ? 0 : at % bytes.length;
      return Buffer.concat([bytes.subarray(0, cut), Buffer.from(bad), bytes.subarray(cut)]);
    },
  })),
  { how: "Latin-1", encode: (text) => Buffer.from(text.replace(/\n\n/, "\n\nCafé crème.\n\n"), "latin1") },
  { how: "UTF-16 LE with BOM", encode: (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]) },
  {
    how: "UTF-16 BE with BOM",
    encode: (text) => {
      const le = Buffer.from(text, "utf16le");
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    },
  },
  { how: "truncated", encode: (text, at) => Buffer.from(text, "utf8").subarray(0, at % Math.max(1, Buffer.byteLength(text))) },
];

const BAD_NAMES = ["Upper-Case", "under_score", "with space", "ünïcode", "-lead", "trail-", "double--hyphen", "dot.name", "UPPER", "a%20b"];

/** Where the file goes: a proper name at the top, in folders, a bad name, hidden, not Markdown, or a clash. */
const placeArb = fc.oneof(
  { arbitrary: fc.constant({ kind: "top" as const }), weight: 5 },
  { arbitrary: fc.constantFrom("2024", "archive/old", "Drafts").map((folder) => ({ kind: "folder" as const, folder })), weight: 2 },
  { arbitrary: fc.constantFrom(...BAD_NAMES).map((name) => ({ kind: "bad name" as const, name })), weight: 1 },
  { arbitrary: fc.constantFrom(".", "._", ".hidden/").map((prefix) => ({ kind: "hidden" as const, prefix })), weight: 1 },
  { arbitrary: fc.constantFrom(".MD", ".markdown", ".txt", ".md.bak", ".md~").map((extension) => ({ kind: "not markdown" as const, extension })), weight: 1 },
  { arbitrary: fc.nat().map((pick) => ({ kind: "clash" as const, pick })), weight: 1 },
);

/**
 * An analysis to mutate. For whole builds (`forBuild`), fewer changes refuse the file, so that
 * some builds publish and the output checks see what the mutations let through.
 */
const mutantAnalysisParts = (forBuild: boolean) =>
  fc.record({
    base: analysisPartsWith(bodyOf([...BODY_TOKENS, ...BAD_BODY_TOKENS])),
    refusing: forBuild
      ? fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: fc.array(refusingMutation, { minLength: 1, maxLength: 1 }), weight: 1 })
      : fc.array(refusingMutation, { maxLength: 2 }),
    eithers: fc.array(eitherMutation, { maxLength: 2 }),
    frame: fc.oneof({ arbitrary: fc.constant(0), weight: forBuild ? 12 : 6 }, { arbitrary: fc.nat({ max: FRAMES.length - 1 }), weight: 4 }),
    encoding: fc.oneof({ arbitrary: fc.constant(0), weight: forBuild ? 6 : 1 }, { arbitrary: fc.nat({ max: ENCODINGS.length - 1 }), weight: 4 }),
    at: fc.nat(),
    place: placeArb,
  });
type MutantAnalysisParts = ReturnType<typeof mutantAnalysisParts> extends fc.Arbitrary<infer T> ? T : never;

/** An analysis changed in content, fencing, encoding and place; knows when it must be refused. */
function mutantAnalysis(parts: MutantAnalysisParts, index: number, valid: Analysis[]): Mutant {
  let slug = `m${index}-${parts.base.words.join("-")}`;
  const analysis = analysisFrom(parts.base, slug, `(m${index})`);
  const doc: Doc = { entries: frontMatterOf(analysis), body: bodyText(analysis.body) };
  const how: string[] = [];
  // The refusing changes come last, so that a harmless one cannot undo them; a refusing change
  // whose field a later change rewrites no longer counts (aliases ["//x"] then aliases ["/"]).
  const applied: { mutation: Mutation; fields: Set<string> }[] = [];
  for (const mutation of [...parts.eithers, ...parts.refusing]) {
    const before = fieldsOf(doc);
    mutation.apply(doc);
    how.push(mutation.how);
    const after = fieldsOf(doc);
    const fields = new Set([...before.keys(), ...after.keys()].filter((key) => before.get(key) !== after.get(key)));
    for (let i = applied.length - 1; i >= 0; i--) {
      if ([...applied[i]!.fields].some((field) => fields.has(field))) applied.splice(i, 1);
    }
    applied.push({ mutation, fields });
  }
  let mustRefuse = applied.find(({ mutation }) => mutation.refuse !== undefined)?.mutation.refuse;
  let buildMustRefuse = applied.find(({ mutation }) => mutation.refuseBuild !== undefined)?.mutation.refuseBuild;
  const frame = FRAMES[parts.frame]!;
  if (frame.how !== "plain") how.push(frame.how);
  mustRefuse ??= frame.refuse;
  const encoding = ENCODINGS[parts.encoding]!;
  if (encoding.how !== "UTF-8") how.push(encoding.how);
  const bytes = encoding.encode(frame.write(doc.entries, doc.body), parts.at);

  let file = `${slug}.md`;
  let ignorable = false;
  const place = parts.place;
  if (place.kind === "folder") {
    file = `${place.folder}/${slug}.md`;
  } else if (place.kind === "bad name") {
    file = `${place.name}.md`;
    slug = place.name;
    mustRefuse ??= `the file name ${file} is not a slug`;
  } else if (place.kind === "hidden") {
    file = `${place.prefix}${slug}.md`;
    ignorable = true;
  } else if (place.kind === "not markdown") {
    file = `${slug}${place.extension}`;
    ignorable = true;
  } else if (place.kind === "clash" && valid.length > 0) {
    const other = valid[place.pick % valid.length]!;
    file = `2024/${other.slug}.md`;
    slug = other.slug;
    // A clash with a draft breaks only `npm start`; whether the production build refuses it is a policy.
    if (!other.draft && !parts.base.draft) mustRefuse ??= `a second analysis with the slug ${other.slug} (as ${ARTICLES}/${other.slug}.md)`;
  }
  if (place.kind !== "top") how.push(`placed at ${file}`);
  if (!isUtf8(bytes)) mustRefuse ??= `it is not UTF-8 (${encoding.how})`;
  const mutant: Mutant = { path: `${ARTICLES}/${file}`, bytes, how, ignorable, page: `articles/${slug}/` };
  if (!ignorable && mustRefuse !== undefined) mutant.mustRefuse = mustRefuse;
  // A draft has no page, and its aliases are not published either.
  if (!ignorable && buildMustRefuse !== undefined && !parts.base.draft) mutant.buildMustRefuse = buildMustRefuse;
  return mutant;
}

// ---------------------------------------------------------------------------------------------
// Mutations of _data/levels.json

interface LevelsDoc {
  value: unknown;
  /** Slugs of draft analyses, which an assessment must not cite. */
  drafts: string[];
}

interface LevelsMutation {
  how: string;
  refuse?: string;
  /** Refused by the production build only: `npm start` shows drafts, so a link to one works there. */
  productionOnly?: boolean;
  apply(doc: LevelsDoc): void;
}

const entryAt = (doc: LevelsDoc, pick: number): Record<string, unknown> | undefined => {
  const list = (doc.value as { assessments?: unknown } | null)?.assessments;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const entry = list[pick % list.length];
  return entry !== null && typeof entry === "object" ? (entry as Record<string, unknown>) : undefined;
};

/** A placeholder for a list nested `depth` deep; `jsonText` writes it (JSON.stringify would overflow the stack). */
const nested = (depth: number) => `\u0000nested:${depth}\u0000`;
const jsonText = (text: string) =>
  text.replace(/"\\u0000nested:(\d+)\\u0000"/g, (_match, depth: string) => "[".repeat(Number(depth)) + '"x"' + "]".repeat(Number(depth)));

/** An own, enumerable key even when it is "__proto__", as JSON.parse would make it. */
function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

const onEntry = (how: string, pick: number, change: (entry: Record<string, unknown>, doc: LevelsDoc) => void): LevelsMutation => ({
  how,
  refuse: how,
  apply(doc) {
    const entry = entryAt(doc, pick);
    if (entry) change(entry, doc);
  },
});

const refusingLevelsMutation: fc.Arbitrary<LevelsMutation> = fc.oneof(
  fc.constantFrom<unknown>([], null, 42, "levels", {}, { assessments: [] }, { assessments: {} }).map((value) => ({
    how: `the whole file is ${JSON.stringify(value)}`,
    refuse: "not a list of assessments",
    apply(doc: LevelsDoc) {
      doc.value = value;
    },
  })),
  fc.tuple(fc.constantFrom("date", "level", "reason"), fc.nat()).map(([key, pick]) => onEntry(`an assessment without ${key}`, pick, (e) => delete e[key])),
  fc
    .tuple(fc.constantFrom<unknown>(0, 6, -1, 2.5, "3", null, true, [3], 1e6), fc.nat())
    .map(([level, pick]) => onEntry(`level ${JSON.stringify(level)}`, pick, (e) => (e["level"] = level))),
  fc
    .tuple(fc.constantFrom<unknown>("2024-13-01", "2024-02-30", "2024-01-01T25:00Z", "2024-01-01T12:00", "2024/01/01", "2030-01-01", "", 20240101, null), fc.nat())
    .map(([date, pick]) => onEntry(`date ${JSON.stringify(date)}`, pick, (e) => (e["date"] = date))),
  fc
    .tuple(fc.constantFrom<unknown>("", "   ", 42, null, []), fc.nat())
    .map(([reason, pick]) => onEntry(`reason ${JSON.stringify(reason)}`, pick, (e) => (e["reason"] = reason))),
  fc.tuple(fc.integer({ min: 100, max: 8_000 }), fc.nat()).map(([depth, pick]) => onEntry(`reason nested ${depth} deep`, pick, (e) => (e["reason"] = nested(depth)))),
  fc
    .tuple(fc.constantFrom<unknown>("no-such-analysis", "Bad Slug", "", 42, "a draft"), fc.nat())
    .map(([analysis, pick]) => ({
      ...onEntry(`analysis ${JSON.stringify(analysis)}`, pick, (e, doc) => (e["article"] = analysis === "a draft" ? (doc.drafts[0] ?? "no-such-draft") : analysis)),
      productionOnly: analysis === "a draft",
    })),
  fc
    .tuple(fc.constantFrom("levle", "__proto__", "note", "constructor"), fc.nat())
    .map(([key, pick]) => onEntry(`an assessment with the field ${key}`, pick, (e) => defineKey(e, key, { polluted: true }))),
  fc.constantFrom("assesments", "__proto__").map((key) => ({
    how: `the top-level field ${key}`,
    refuse: `the unknown field ${key}`,
    apply(doc: LevelsDoc) {
      if (doc.value !== null && typeof doc.value === "object") defineKey(doc.value as Record<string, unknown>, key, { polluted: true });
    },
  })),
);

const eitherLevelsMutation = (allowHuge: boolean): fc.Arbitrary<LevelsMutation> =>
  fc.oneof(
    fc.tuple(anyText, fc.nat()).map(([reason, pick]) => ({
      how: `reason ${show(reason, 60)}`,
      apply(doc: LevelsDoc) {
        const entry = entryAt(doc, pick);
        if (entry) entry["reason"] = reason;
      },
    })),
    fc.boolean().map((sample) => ({
      how: `sample: ${sample}`,
      apply(doc: LevelsDoc) {
        if (doc.value !== null && typeof doc.value === "object") (doc.value as Record<string, unknown>)["sample"] = sample;
      },
    })),
    fc.nat().map((pick) => ({
      how: "an assessment without its analysis",
      apply(doc: LevelsDoc) {
        delete entryAt(doc, pick)?.["article"];
      },
    })),
    ...(allowHuge
      ? [
          fc.integer({ min: 200, max: 3_000 }).map((count) => ({
            how: `${count} assessments`,
            apply(doc: LevelsDoc) {
              const list = (doc.value as { assessments?: unknown } | null)?.assessments;
              if (!Array.isArray(list)) return;
              for (let i = 0; i < count; i++) list.push({ date: dayString(FIRST_DAY - 12_000 + i * 3), level: (i % 5) + 1, reason: `Routine review ${i}.` });
            },
          })),
        ]
      : []),
  );

/** The JSON text: well-formed, or broken the ways hand-edited JSON breaks. */
const JSON_TEXTS: { how: string; refuse?: string; write(value: unknown): string }[] = [
  { how: "pretty JSON", write: (value) => JSON.stringify(value, null, 2) },
  { how: "compact JSON", write: (value) => JSON.stringify(value) },
  { how: "CRLF line ends", write: (value) => JSON.stringify(value, null, 2).replace(/\n/g, "\r\n") },
  { how: "UTF-8 byte order mark", write: (value) => "\uFEFF" + JSON.stringify(value, null, 2) },
  { how: "a trailing comma", refuse: "not JSON", write: (value) => JSON.stringify(value, null, 2).replace(/\n\}$/, ",\n}") },
  { how: "a comment", refuse: "not JSON", write: (value) => "// levels\n" + JSON.stringify(value, null, 2) },
  { how: "single quotes", refuse: "not JSON", write: (value) => JSON.stringify(value, null, 2).replace(/"/g, "'") },
  { how: "NaN for a level", refuse: "not JSON", write: (value) => JSON.stringify(value, null, 2).replace(/"level": [^,\n]+/, '"level": NaN') },
  { how: "an empty file", refuse: "empty", write: () => "" },
  { how: "truncated", refuse: "not JSON", write: (value) => JSON.stringify(value, null, 2).slice(0, -1) },
];

/** Like `mutantAnalysisParts`: `forBuild` refuses less often and leaves out huge histories. */
const levelsMutantParts = (forBuild: boolean) =>
  fc.record({
    refusing: forBuild
      ? fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: fc.array(refusingLevelsMutation, { minLength: 1, maxLength: 1 }), weight: 1 })
      : fc.array(refusingLevelsMutation, { maxLength: 2 }),
    eithers: fc.array(eitherLevelsMutation(!forBuild), { maxLength: 2 }),
    text: fc.oneof({ arbitrary: fc.constant(0), weight: forBuild ? 10 : 5 }, { arbitrary: fc.nat({ max: JSON_TEXTS.length - 1 }), weight: 3 }),
    encoding: fc.oneof({ arbitrary: fc.constant(0), weight: forBuild ? 10 : 4 }, { arbitrary: fc.nat({ max: ENCODINGS.length - 2 }), weight: 1 }),
    at: fc.nat(),
  });
type LevelsMutantParts = ReturnType<typeof levelsMutantParts> extends fc.Arbitrary<infer T> ? T : never;

function levelsMutant(parts: LevelsMutantParts, assessments: Assessment[], analyses: Analysis[]): Mutant {
  const doc: LevelsDoc = {
    value: { $schema: "./levels.schema.json", assessments: structuredClone(assessments) },
    drafts: analyses.filter((a) => a.draft).map((a) => a.slug),
  };
  const how: string[] = [];
  let mustRefuse: string | undefined;
  let productionOnly = false;
  for (const mutation of [...parts.eithers, ...parts.refusing]) {
    mutation.apply(doc);
    how.push(mutation.how);
    if (mustRefuse === undefined && mutation.refuse !== undefined) productionOnly = mutation.productionOnly === true;
    mustRefuse ??= mutation.refuse;
  }
  const json = JSON_TEXTS[parts.text]!;
  const text = jsonText(json.write(doc.value));
  if (json.how !== "pretty JSON") how.push(json.how);
  if (text !== jsonText(JSON.stringify(doc.value, null, 2)) || json.how === "an empty file") mustRefuse ??= json.refuse;
  // The last encoding (truncation) is left out: JSON_TEXTS truncates already.
  const encoding = ENCODINGS[parts.encoding]!;
  if (encoding.how !== "UTF-8") how.push(encoding.how);
  const bytes = encoding.encode(text, parts.at);
  if (!isUtf8(bytes)) mustRefuse ??= `it is not UTF-8 (${encoding.how})`;
  const mutant: Mutant = { path: LEVELS_FILE, bytes, how, ignorable: false };
  if (mustRefuse !== undefined) mutant.mustRefuse = mustRefuse;
  if (productionOnly) mutant.productionOnly = true;
  return mutant;
}

// ---------------------------------------------------------------------------------------------
// Cases

const validParts = (minAnalyses: number, maxAnalyses: number) =>
  fc.record({
    analyses: fc.array(analysisParts, { minLength: minAnalyses, maxLength: maxAnalyses }),
    start: fc.integer({ min: FIRST_DAY - 3_000, max: FIRST_DAY + 2_000 }),
    assessments: fc.array(assessmentParts, { minLength: 1, maxLength: 4 }),
  });

function validContent(parts: ReturnType<typeof validParts> extends fc.Arbitrary<infer T> ? T : never): Omit<Case, "mutants"> {
  const analyses = parts.analyses.map((p, i) => analysisFrom(p, `a${i}-${p.words.join("-")}`, `(a${i})`));
  const published = analyses.filter((a) => !a.draft).map((a) => a.slug);
  return { analyses, assessments: assessmentsFrom(parts.assessments, parts.start, published) };
}

/** Valid content whose every text is hostile: it must be published, literally. */
const validCase: fc.Arbitrary<Case> = validParts(1, 6).map((parts) => ({ ...validContent(parts), mutants: [] }));

/** Valid content plus files that may be anything; `forBuild` leaves out sizes too slow to build and refuses less often. */
const mutatedCase = (forBuild: boolean): fc.Arbitrary<Case> =>
  fc
    .record({
      valid: validParts(forBuild ? 1 : 0, 4),
      analyses: fc.array(mutantAnalysisParts(forBuild), { maxLength: forBuild ? 2 : 3 }),
      levels: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: forBuild ? 3 : 1 },
        { arbitrary: levelsMutantParts(forBuild), weight: forBuild ? 1 : 2 },
      ),
    })
    .filter((parts) => parts.analyses.length > 0 || parts.levels !== undefined)
    .map((parts) => {
      const valid = validContent(parts.valid);
      const mutants = parts.analyses.map((p, i) => mutantAnalysis(p, i, valid.analyses));
      if (parts.levels) mutants.push(levelsMutant(parts.levels, valid.assessments, valid.analyses));
      return { ...valid, mutants };
    });

function describeCase(c: Case | undefined): string {
  if (!c) return "(no input)";
  const lines = [
    ...c.analyses.map(
      (a) => `  ${ARTICLES}/${a.slug}.md: title ${show(a.title, 80)}, summary ${show(a.summary, 60)}${a.draft ? ", draft" : ""}, body ${show(bodyText(a.body), 120)}`,
    ),
    ...(c.mutants.some((m) => m.path === LEVELS_FILE) ? [] : c.assessments.map((a, i) => `  ${LEVELS_FILE} #${i + 1}: ${a.date} level ${a.level}, reason ${show(a.reason, 60)}${a.article ? `, analysis ${a.article}` : ""}`)),
    ...c.mutants.map(
      (m) =>
        `  ${m.path} (mutated, ${m.bytes.length} bytes): ${m.how.join("; ") || "unchanged"}` +
        (m.mustRefuse ? ` → must be refused: ${m.mustRefuse}` : m.buildMustRefuse ? ` → a build must refuse it: ${m.buildMustRefuse}` : m.ignorable ? " → may be ignored" : "") +
        `\n      starts ${show(Buffer.from(m.bytes.subarray(0, 160)).toString("latin1"), 200)}`,
    ),
  ];
  return lines.join("\n");
}

function filesOf(c: Case): { path: string; bytes: Uint8Array }[] {
  const files = c.analyses.map((a) => ({ path: `${ARTICLES}/${a.slug}.md`, bytes: Buffer.from(markdownFile(frontMatterOf(a), bodyText(a.body))) as Uint8Array }));
  if (!c.mutants.some((m) => m.path === LEVELS_FILE)) {
    files.push({ path: LEVELS_FILE, bytes: Buffer.from(JSON.stringify({ $schema: "./levels.schema.json", assessments: c.assessments }, null, 2)) });
  }
  return [...files, ...c.mutants];
}

/** Replaces the fixture's analyses and levels with the case's files (the folder's data file stays). */
async function writeCase(site: FixtureSite, c: Case): Promise<void> {
  const folder = path.join(site.root, ARTICLES);
  for (const name of await readdir(folder)) {
    if (!/^articles\.11tydata\./.test(name)) await rm(path.join(folder, name), { recursive: true, force: true });
  }
  for (const file of filesOf(c)) await site.write(file.path, file.bytes);
}

/**
 * Runs a property with the fixed (or given) seed and, on failure, fails the test with the seed,
 * the path to replay it, every problem of the failing run and a description of its input.
 */
async function assertProperty<T extends Case>(
  name: string,
  seed: number,
  arbitrary: fc.Arbitrary<T>,
  runs: number,
  problemsOf: (value: T) => Promise<string[]>,
  shrink: boolean,
): Promise<void> {
  const property = fc.asyncProperty(arbitrary, async (value) => {
    const problems = await problemsOf(value);
    if (problems.length > 0) throw new Error(problems.map((p) => `  ✖ ${p}`).join("\n"));
  });
  const details = await fc.check(property, { seed, numRuns: runs, endOnFailure: !shrink, ...(REPLAY_PATH !== undefined && { path: REPLAY_PATH }) });
  if (!details.failed) return;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  expect.fail(
    [
      `${name}: failed on run ${details.numRuns}${shrink ? ` (shrunk ${details.numShrinks} times)` : ""}.`,
      `Replay: DEFCON_FUZZ_SEED=${details.seed} DEFCON_FUZZ_PATH=${details.counterexamplePath} npx vitest run test/build/fuzz.test.ts -t "${name}"`,
      error,
      "The files:",
      describeCase(details.counterexample?.[0]),
    ].join("\n"),
  );
}

// ---------------------------------------------------------------------------------------------
// The validator, in process

async function validatorProblems(site: FixtureSite, c: Case, includeDrafts: boolean): Promise<string[]> {
  await writeCase(site, c);
  const problems: string[] = [];
  const started = performance.now();
  let content: Awaited<ReturnType<typeof loadContent>> | undefined;
  let error: unknown;
  try {
    content = await loadContent({ root: site.root, includeDrafts, now: NOW });
  } catch (caught) {
    error = caught;
  }
  const ms = performance.now() - started;
  if (ms > MAX_LOAD_MS) problems.push(`loadContent took ${Math.round(ms)} ms`);
  const mutated = c.mutants.map((m) => m.path);
  const levelsMutated = mutated.includes(LEVELS_FILE);
  const mustRefuse = c.mutants.filter((m) => m.mustRefuse !== undefined && !(includeDrafts && m.productionOnly));

  if (error !== undefined && !(error instanceof ContentError)) {
    const e = error instanceof Error ? error : new Error(String(error));
    problems.push(`threw ${e.name} instead of a ContentError: ${show(e.message, 300)}\n      ${(e.stack ?? "").split("\n").slice(1, 6).join("\n      ")}`);
  }
  if (error instanceof ContentError) {
    if (error.problems.length === 0) problems.push("threw a ContentError without a problem");
    for (const problem of error.problems) {
      const line = formatProblem(problem);
      if (line.length > MAX_PROBLEM_LENGTH) problems.push(`a problem is ${line.length} characters long: ${show(line, 200)}`);
      if (!mutated.some((file) => problem.file === file || line.includes(file))) {
        problems.push(`a problem names ${problem.file}, which is valid, and no mutated file: ${show(line, 300)}`);
      }
    }
    // A data file that is not JSON stops validation early; otherwise every refused file is listed.
    if (!levelsMutated) {
      for (const m of mustRefuse) {
        if (!error.problems.some((p) => p.file === m.path || formatProblem(p).includes(m.path))) {
          problems.push(`${m.path} must be refused (${m.mustRefuse}) but no problem names it`);
        }
      }
    }
  }
  if (content) {
    for (const m of mustRefuse) problems.push(`accepted ${m.path}, which must be refused: ${m.mustRefuse}`);
    for (const a of c.analyses) {
      const record = content.analyses.find((r) => r.slug === a.slug);
      if (a.draft && !includeDrafts) {
        if (record) problems.push(`the draft ${a.slug} is among the published analyses`);
      } else if (!record) {
        problems.push(`the valid analysis ${a.slug} is missing from the content`);
      } else if (record.title !== a.title || record.summary !== a.summary || record.date !== a.date) {
        problems.push(`${a.slug} was read as title ${show(record.title)}, summary ${show(record.summary)}, date ${record.date}`);
      }
    }
    for (const r of content.analyses) {
      if (typeof r.title !== "string" || !/\S/.test(r.title)) problems.push(`${r.file} was accepted with the title ${show(String(r.title))}`);
      if (typeof r.summary !== "string" || !/\S/.test(r.summary)) problems.push(`${r.file} was accepted with the summary ${show(String(r.summary))}`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date) || Date.parse(r.date) > NOW.getTime()) problems.push(`${r.file} was accepted with the date ${show(String(r.date))}`);
      if (!r.regions.every((name) => REGIONS.includes(name))) problems.push(`${r.file} was accepted with the regions ${JSON.stringify(r.regions)}`);
    }
    if (!levelsMutated && content.level.newestFirst.length !== c.assessments.length) {
      problems.push(`${c.assessments.length} assessments were written, ${content.level.newestFirst.length} were read`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Whole builds

async function outputFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!;

/** Everything that must hold of a published site built from the case. */
async function publishedProblems(site: FixtureSite, c: Case): Promise<string[]> {
  const problems: string[] = [];
  const expectText = (where: string, found: string, expected: string) => {
    if (found !== expected) problems.push(`${where} shows ${show(found)}; expected ${show(expected)}`);
  };
  const pages = new Map<string, cheerio.CheerioAPI>();
  const xml = new Map<string, XmlElement>();
  const json = new Map<string, unknown>();
  for (const file of await outputFiles(site.output)) {
    if (file.startsWith("pagefind/")) continue;
    const text = await site.read(file);
    if (file.endsWith(".html")) {
      for (const problem of htmlSafetyProblems(text)) problems.push(`${file} ${problem}`);
      pages.set(file, cheerio.load(text));
    } else if (/\.(xml|svg)$/.test(file)) {
      try {
        xml.set(file, parseStrictXml(text).root);
      } catch (error) {
        problems.push(`${file} is not well-formed XML: ${messageOf(error)}`);
      }
    } else if (/^(feeds|api)\/.*\.json$/.test(file)) {
      try {
        json.set(file, JSON.parse(text));
      } catch (error) {
        problems.push(`${file} is not JSON: ${messageOf(error)}`);
      }
    }
  }

  // Every analysis page shows its own text literally.
  const published = c.analyses.filter((a) => !a.draft);
  for (const a of c.analyses) {
    const file = `articles/${a.slug}/index.html`;
    const $ = pages.get(file);
    if (a.draft) {
      if ($) problems.push(`the draft ${a.slug} was published`);
      continue;
    }
    if (!$) {
      problems.push(`${file} is missing`);
      continue;
    }
    expectText(`${file} <h1>`, $("h1").text(), parsed(a.title));
    expectText(`${file} <title>`, $("head > title").text(), `${parsed(a.title)} · ${SITE.name}`);
    expectText(`${file} <meta name=description>`, $('meta[name="description"]').attr("content") ?? "", parsed(a.summary));
    expectText(`${file} summary`, $(".analysis__summary").text(), parsed(a.summary));
    const body = $(".analysis__body").text();
    for (const p of a.body) if (p.shows !== undefined && !body.includes(p.shows)) problems.push(`${file} does not show ${show(p.shows)} from its Markdown literally`);
    if ($.text().includes("1234000")) problems.push(`${file} evaluated {{ 1234 * 1000 }} from its Markdown`);
  }

  // Lists, neighbours and the history show titles and summaries literally, wherever they link to an analysis.
  const byUrl = new Map(published.map((a) => [`/articles/${a.slug}/`, a]));
  const archived = new Set<string>();
  for (const [file, $] of pages) {
    $(".analysis-card").each((_, card) => {
      const link = $(card).find(".analysis-card__title a");
      const a = byUrl.get(link.attr("href") ?? "");
      if (!a) return;
      if (/^articles\/(page\/\d+\/)?index\.html$/.test(file)) archived.add(a.slug);
      expectText(`${file} card title`, link.text(), parsed(a.title));
      expectText(`${file} card summary`, $(card).find(".analysis-card__summary").text(), parsed(a.summary));
    });
    $("a.pager__link, .assessment__analysis a").each((_, element) => {
      const link = $(element);
      const a = byUrl.get(link.attr("href") ?? "");
      if (!a) return;
      const text = link.clone().children(".pager__dir").remove().end().text();
      expectText(`${file} link to ${a.slug}`, text.replace(/^ /, ""), parsed(a.title));
    });
  }
  for (const a of published) if (!archived.has(a.slug)) problems.push(`the archive does not list ${a.slug}`);

  // The level history, the home page, the API and code.dat show the assessments literally.
  const levelsMutated = c.mutants.some((m) => m.path === LEVELS_FILE);
  const latest = c.assessments.at(-1);
  if (!levelsMutated && latest) {
    const history = pages.get("history/index.html");
    const shown = history ? history(".assessment__reason").map((_, cell) => history(cell).text()).get().sort() : [];
    const expected = c.assessments.map((a) => parsed(a.reason)).sort();
    if (JSON.stringify(shown) !== JSON.stringify(expected)) problems.push(`history/index.html shows the reasons ${show(JSON.stringify(shown), 400)}; expected ${show(JSON.stringify(expected), 400)}`);
    const home = pages.get("index.html");
    if (home) expectText("index.html reason", home(".hero__reason").text(), `Reason: ${parsed(latest.reason)}`);
    const titles = new Map(published.map((a) => [a.slug, a.title]));
    const levels = json.get("api/levels.json") as { assessments?: { reason: string; analysis: { title: string; url: string } | null }[] } | undefined;
    if (levels) {
      const reasons = (levels.assessments ?? []).map((a) => a.reason).sort();
      const written = c.assessments.map((a) => a.reason).sort();
      if (JSON.stringify(reasons) !== JSON.stringify(written)) problems.push(`api/levels.json has the reasons ${show(JSON.stringify(reasons), 400)}; expected ${show(JSON.stringify(written), 400)}`);
      for (const a of levels.assessments ?? []) {
        const slug = a.analysis?.url.match(/\/articles\/([^/]+)\/$/)?.[1];
        if (a.analysis && slug !== undefined) expectText(`api/levels.json analysis title of ${slug}`, a.analysis.title, titles.get(slug) ?? "(no such analysis)");
      }
    }
    const current = json.get("api/level.json") as { reason?: string; level?: number } | undefined;
    if (current) {
      expectText("api/level.json reason", String(current.reason), latest.reason);
      if (current.level !== latest.level) problems.push(`api/level.json says level ${current.level}; expected ${latest.level}`);
    }
    expectText("code.dat", (await site.read("code.dat")).trim(), String(latest.level));
  }

  // Feeds: each parses strictly and with a feed reader's parser; entries carry the text literally.
  // An Atom summary is plain text (type="text"); an RSS description is HTML, which readers render,
  // so the summary must come out of it as text, with no element in it.
  const summaryOf = (file: string, entry: XmlElement, format: "atom" | "rss") => {
    const element = entry.children.find((e) => e.local === (format === "atom" ? "summary" : "description"));
    if (format === "atom" || !element) return element?.text ?? "";
    const html = cheerio.load(element.text, null, false);
    const tags = html("*").map((_, e) => (e as { tagName?: string }).tagName).get();
    if (tags.length > 0) problems.push(`${file}: a <description> holds the HTML elements ${tags.join(", ")}: ${show(element.text)}`);
    return html.root().text();
  };
  const byAbsoluteUrl = new Map(published.map((a) => [`${SITE_URL}/articles/${a.slug}/`, a]));
  const drafts = new Set(c.analyses.filter((a) => a.draft).map((a) => `${SITE_URL}/articles/${a.slug}/`));
  for (const topic of ["analyses", "levels"]) {
    for (const format of ["atom", "rss"] as const) {
      const file = `feeds/${topic}.${format}.xml`;
      const root = xml.get(file);
      if (!root) {
        if (!problems.some((p) => p.startsWith(file))) problems.push(`${file} is missing`);
        continue;
      }
      try {
        parseFeed(await site.read(file));
      } catch (error) {
        problems.push(`${file}: a feed reader's parser fails: ${messageOf(error)}`);
      }
      const entries = xmlElements(root, format === "atom" ? "entry" : "item");
      const child = (entry: XmlElement, local: string) => entry.children.find((e) => e.local === local);
      const seen = new Set<string>();
      for (const entry of entries) {
        const url = format === "atom" ? (entry.children.find((e) => e.local === "link" && e.attributes["rel"] === "alternate")?.attributes["href"] ?? "") : (child(entry, "link")?.text ?? "");
        const title = child(entry, "title")?.text ?? "";
        const summary = summaryOf(file, entry, format);
        const content = child(entry, format === "atom" ? "content" : "encoded")?.text ?? "";
        for (const problem of htmlSafetyProblems(content)) if (!/\bid\b/.test(problem)) problems.push(`${file} entry ${url}: its HTML content ${problem}`);
        if (drafts.has(url)) problems.push(`${file} has an entry for the draft at ${url}`);
        const a = byAbsoluteUrl.get(url);
        if (topic === "analyses" && a) {
          seen.add(a.slug);
          expectText(`${file} title of ${a.slug}`, title, parsed(xmlText(a.title)));
          expectText(`${file} summary of ${a.slug}`, summary, parsed(xmlText(a.summary)));
        }
      }
      if (topic === "analyses") for (const a of published) if (!seen.has(a.slug)) problems.push(`${file} has no entry for ${a.slug}`);
      if (topic === "levels" && !levelsMutated) {
        const summaries = entries.map((entry) => summaryOf(file, entry, format));
        for (const a of c.assessments) {
          if (!summaries.some((s) => s.endsWith(parsed(xmlText(a.reason))))) problems.push(`${file} has no entry whose summary ends with the reason ${show(a.reason)}`);
        }
      }
    }
    const file = `feeds/${topic}.json`;
    const feed = json.get(file) as { items?: { url: string; title: string; summary: string; content_html: string }[] } | undefined;
    for (const item of feed?.items ?? []) {
      for (const problem of htmlSafetyProblems(item.content_html)) if (!/\bid\b/.test(problem)) problems.push(`${file} item ${item.url}: its HTML content ${problem}`);
      const a = byAbsoluteUrl.get(item.url);
      if (topic === "analyses" && a) {
        expectText(`${file} title of ${a.slug}`, item.title, xmlText(a.title));
        expectText(`${file} summary of ${a.slug}`, item.summary, xmlText(a.summary));
      }
    }
  }

  const sitemap = xml.get("sitemap.xml");
  for (const loc of sitemap ? xmlElements(sitemap, "loc") : []) {
    if (!loc.text.startsWith(`${SITE_URL}/`) || !URL.canParse(loc.text)) problems.push(`sitemap.xml has the address ${show(loc.text)}`);
  }
  return problems;
}

/** Builds the case once; either it is published as it must be, or refused as it must be. */
async function buildProblems(site: FixtureSite, c: Case, mustPublish: boolean): Promise<string[]> {
  await writeCase(site, c);
  const before = await folderDigest(site.output);
  const result = await site.build({ DEFCON_BUILD_DATE: BUILD_DATE });
  const problems: string[] = [];
  const crash = crashLine(result.output);
  if (crash !== undefined) problems.push(`the build printed a stack trace or crash dump: ${show(crash, 200)}\n${excerpt(result.output)}`);
  if (result.output.length > 100_000) problems.push(`the build printed ${result.output.length} characters`);
  if (result.code !== 0) {
    if ((await folderDigest(site.output)) !== before) problems.push("_site/ changed although the build failed");
    if (mustPublish) problems.push(`the build refused valid content (exit ${result.code}):\n${excerpt(result.output)}`);
    else if (!c.mutants.some((m) => result.output.includes(m.path) || (m.page !== undefined && result.output.includes(m.page)))) {
      problems.push(`the build failed (exit ${result.code}) without naming a mutated file:\n${excerpt(result.output)}`);
    }
    return problems;
  }
  for (const m of c.mutants) {
    const reason = m.mustRefuse ?? m.buildMustRefuse;
    if (reason !== undefined) problems.push(`the build published although ${m.path} must be refused: ${reason}`);
  }
  problems.push(...(await publishedProblems(site, c)));
  return problems;
}

const excerpt = (output: string) =>
  output
    .trim()
    .split("\n")
    .slice(0, 12)
    .map((line) => `      | ${line.length > 300 ? line.slice(0, 300) + "…" : line}`)
    .join("\n");

// ---------------------------------------------------------------------------------------------

describe("fuzzing the content files", () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await makeFixtureSite({ analyses: {} });
  });
  afterAll(() => site?.remove());

  it("the gates read an Atom text construct as text and an RSS description as HTML", () => {
    // A summary that mentions markup is text in Atom (type="text"); only HTML can load an image.
    const pixel = "&lt;img src=&quot;https://evil.example/x.png&quot;&gt;";
    const atom = (type: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><entry><summary${type}>${pixel}</summary></entry></feed>`;
    expect(scanXmlFeed(atom(""))).toEqual([]);
    expect(scanXmlFeed(atom(' type="text"'))).toEqual([]);
    expect(scanXmlFeed(atom(' type="html"')).map((r) => r.url)).toEqual(["https://evil.example/x.png"]);
    const rss = (html: string) => `<rss version="2.0"><channel><item><description>${html}</description></item></channel></rss>`;
    expect(scanXmlFeed(rss(pixel)).map((r) => r.url)).toEqual(["https://evil.example/x.png"]);
    // The RSS template escapes a summary twice: "<img …>" is HTML text there, not an element.
    expect(scanXmlFeed(rss(pixel.replace(/&/g, "&amp;")))).toEqual([]);
  });

  it("the validator returns content or a ContentError naming the mutated files, for any input", async () => {
    await assertProperty(
      "the validator",
      seedFor(0),
      fc.tuple(fc.oneof({ arbitrary: mutatedCase(false), weight: 4 }, { arbitrary: validCase, weight: 1 }), fc.boolean()).map(([c, drafts]) => Object.assign(c, { drafts })),
      VALIDATOR_RUNS,
      (c) => validatorProblems(site, c, c.drafts),
      true,
    );
  });

  it("a build publishes valid but hostile text literally, escaped, in well-formed pages, feeds and API", async () => {
    await assertProperty("hostile text", seedFor(1), validCase, BUILD_RUNS, (c) => buildProblems(site, c, true), false);
  });

  it("a build refuses broken files cleanly, naming them, or publishes well-formed output", async () => {
    await assertProperty("broken files", seedFor(2), mutatedCase(true), BUILD_RUNS, (c) => buildProblems(site, c, false), false);
  });
});
