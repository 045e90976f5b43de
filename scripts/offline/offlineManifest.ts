/**
 * What the service worker keeps for offline reading, decided at build time from the files the
 * build wrote. Shared by the build step (which writes it into sw.js) and the worker (which reads it).
 */
export interface OfflineManifest {
  /** Changes whenever any published byte changes: names the caches, so a deploy replaces them. */
  version: string;
  /** Pages and assets every visit needs offline: precached when the worker installs. */
  shell: string[];
  /** Pagefind's runtime (script, worker, WebAssembly, metadata, component UI): precached too. */
  searchRuntime: string[];
  /** Pagefind's index, fragments and filters: all of them, so offline search covers every analysis. */
  searchIndex: { urls: string[]; bytes: number; automatic: boolean };
  /** The most recent analyses, kept for offline reading without having been visited. */
  recent: string[];
  /** Served for a page that is neither online nor cached. */
  offlinePage: string;
}

export interface OutputFile {
  /** Forward-slash path relative to the output folder, e.g. "articles/x/index.html". */
  path: string;
  bytes: number;
}

/** Pages of the app shell, when the build has them: home, search, archive, regions, the levels. */
export const SHELL_PAGES = ["/", "/offline/", "/search/", "/articles/", "/regions/", "/levels/", "/history/"];
export const OFFLINE_PAGE = "/offline/";
/** Up to this many bytes, the index is cached on the first visit; above, the reader is asked first. */
export const AUTOMATIC_INDEX_BYTES = 2 * 1024 * 1024;
export const RECENT_ANALYSES = 10;

// The first bundle's runtime, and each bundle's entry and metadata: the shards after the first
// (search/searchShards.ts) live in pagefind/shard-<n>/ and hold only their own index.
const RUNTIME_FILE =
  /^pagefind\/((pagefind\.js|pagefind-worker\.js|pagefind-component-ui\.(js|css)|wasm\.[^/]+\.pagefind)|(shard-\d+\/)?(pagefind-entry\.json|[^/]+\.pf_meta))$/;
/** A file of a search bundle's index: named by its content, like the metadata. */
export const INDEX_FILE = /^pagefind\/(shard-\d+\/)?(index|fragment|filter)\/[^/]+$/;

/** "articles/x/index.html" → "/articles/x/"; "assets/css/site.css" → "/assets/css/site.css". */
export function urlOf(file: string): string {
  if (file === "index.html") return "/";
  if (file.endsWith("/index.html")) return `/${file.slice(0, -"index.html".length)}`;
  return `/${file}`;
}

export function offlineManifest(
  files: readonly OutputFile[],
  recentSlugs: readonly string[],
  version: string,
  automaticIndexBytes = AUTOMATIC_INDEX_BYTES,
): OfflineManifest {
  const urls = new Set(files.map((f) => urlOf(f.path)));
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const index = sorted.filter((f) => INDEX_FILE.test(f.path));
  const bytes = index.reduce((sum, f) => sum + f.bytes, 0);
  if (!urls.has(OFFLINE_PAGE)) throw new Error(`the output has no offline page (${OFFLINE_PAGE}); site/offline.njk is missing`);
  return {
    version,
    shell: [
      ...SHELL_PAGES.filter((page) => urls.has(page)),
      ...sorted.filter((f) => f.path.startsWith("assets/")).map((f) => urlOf(f.path)),
    ],
    searchRuntime: sorted.filter((f) => RUNTIME_FILE.test(f.path)).map((f) => urlOf(f.path)),
    searchIndex: { urls: index.map((f) => urlOf(f.path)), bytes, automatic: bytes <= automaticIndexBytes },
    recent: recentSlugs
      .slice(0, RECENT_ANALYSES)
      .map((slug) => `/articles/${slug}/`)
      .filter((url) => urls.has(url)),
    offlinePage: OFFLINE_PAGE,
  };
}
