/**
 * The part of Eleventy 3's configuration API that this project's plugins use. Eleventy ships no
 * types for it; declaring it once, here, checks every plugin against the same signatures, and
 * a call to anything else is a type error until it is added (with Eleventy's documentation).
 */

/** Any function: registered functions are called by Eleventy with arguments it decides. */
type Callback = (...args: never[]) => unknown;

/** Eleventy's map of the site after permalinks are known, before anything is rendered. */
export interface ContentMap {
  inputPathToUrl: Record<string, string[]>;
  urlToInputPath: Record<string, { inputPath: string; groupNumber: number }>;
}

/** What Eleventy tells the eleventy.before and eleventy.after handlers about the build. */
export interface BuildEvent {
  directories: { input: string; output: string };
  runMode: "build" | "watch" | "serve";
  /** "fs" when writing files; "json"/"ndjson" when returning the pages instead. */
  outputMode: "fs" | "json" | "ndjson";
  incremental: boolean;
}

/** What a collection callback may ask Eleventy for. */
export interface CollectionApi {
  getFilteredByGlob<Item = unknown>(glob: string): Item[];
}

export interface EleventyConfig {
  addPlugin(plugin: (config: EleventyConfig) => void): void;
  addPlugin(plugin: (config: never, options?: never) => void, options?: Record<string, unknown>): void;
  addFilter(name: string, filter: Callback): void;
  addAsyncFilter(name: string, filter: Callback): void;
  addGlobalData(name: string, data: unknown): void;
  addCollection(name: string, callback: (api: CollectionApi) => unknown): void;
  /** Runs before a template is processed; returning false leaves the template out of the build. */
  addPreprocessor(name: string, extensions: string, callback: (data: never, content: string) => unknown): void;
  /** A template that exists only in configuration ("virtual template"). */
  addTemplate(virtualPath: string, template: { data: Record<string, unknown>; render(data: never): string | Promise<string> }): void;
  addTemplateFormats(formats: string): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  on(event: "eleventy.before" | "eleventy.after", handler: (build: BuildEvent) => unknown): void;
  on(event: "eleventy.contentMap", handler: (map: ContentMap) => unknown): void;
  /** Globs, relative to the project root, that are never templates. */
  ignores: { add(glob: string): void };
  setFrontMatterParsingOptions(options: { engines: Record<string, (source: string) => unknown> }): void;
  setLibrary(name: "md", library: unknown): void;
  setQuietMode(quiet: boolean): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
}
