/**
 * The service worker, bundled into /sw.js by scripts/offline/writeServiceWorker.ts with this build's
 * manifest. Pages are network-first (an online reader always gets the current level); caches are the
 * fallback, named by build and replaced on every deploy.
 */
import type { OfflineManifest } from "../offlineManifest.ts";
import { cacheNamesFor, isStaleCache } from "./cacheNames.ts";
import { withCacheNotice } from "./cacheNotice.ts";
import { fillOfflinePage, type AvailablePage, type LastSeenLevel } from "./offlinePage.ts";
import { readPageFacts } from "./pageFacts.ts";
import type { OfflineSearchMessage, OfflineSearchReply } from "./messages.ts";

declare const __OFFLINE_MANIFEST__: OfflineManifest;

// The DOM library has no service-worker types; these are the few members this worker uses.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
  ports: readonly MessagePort[];
}
interface WorkerScope {
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: ExtendableMessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const worker = self as unknown as WorkerScope;
const manifest = __OFFLINE_MANIFEST__;
const names = cacheNamesFor(manifest.version);
const SAVED_AT = "X-Offline-Saved-At";
const TITLE = "X-Offline-Title";
/** Bookkeeping entries, kept in the pages cache under paths the site never uses. */
const LAST_LEVEL = "/__offline/last-level";
const SEARCH_COMPLETE = "/__offline/search-complete";
const PARALLEL = 6;

const isHtml = (response: Response) => (response.headers.get("Content-Type") ?? "").includes("text/html");
const pathOf = (url: string) => new URL(url, worker.location.origin).pathname;

/** Stores a response; pages get the time they were saved and their title, and update the level last seen. */
async function keep(cacheName: string, url: string, response: Response): Promise<void> {
  const cache = await caches.open(cacheName);
  if (!isHtml(response)) return cache.put(url, response);
  const html = await response.text();
  const facts = readPageFacts(html);
  const headers = new Headers(response.headers);
  const savedAt = new Date().toISOString();
  headers.set(SAVED_AT, savedAt);
  // Header values must be Latin-1; titles may not be.
  if (facts.title) headers.set(TITLE, encodeURIComponent(facts.title));
  await cache.put(url, new Response(html, { status: response.status, statusText: response.statusText, headers }));
  if (facts.level) {
    const seen: LastSeenLevel = { ...facts.level, seenAt: savedAt };
    await (await caches.open(names.pages)).put(LAST_LEVEL, Response.json(seen));
  }
}

/** Fetches (bypassing the HTTP cache) and keeps each URL, a few at a time. Fails if any fails. */
async function precache(cacheName: string, urls: readonly string[], onEach?: () => void): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const response = await fetch(url, { cache: "no-cache" });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      await keep(cacheName, url, response);
      onEach?.();
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
}

/**
 * Caches the whole search index. Index files are named by their content, so any already cached by
 * an earlier build are copied rather than downloaded again.
 */
async function cacheSearchIndex(onProgress?: (done: number, total: number) => void): Promise<void> {
  const cache = await caches.open(names.search);
  const urls = manifest.searchIndex.urls;
  let done = 0;
  const missing: string[] = [];
  for (const url of urls) {
    if (await cache.match(url)) done++;
    else {
      const earlier = await caches.match(url);
      if (earlier) {
        await cache.put(url, earlier);
        done++;
      } else missing.push(url);
    }
  }
  onProgress?.(done, urls.length);
  await precache(names.search, missing, () => onProgress?.(++done, urls.length));
  await cache.put(SEARCH_COMPLETE, new Response("complete"));
}

async function searchIndexComplete(cacheName: string): Promise<boolean> {
  return (await (await caches.open(cacheName)).match(SEARCH_COMPLETE)) !== undefined;
}

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await precache(names.shell, [...manifest.shell, ...manifest.searchRuntime, ...manifest.recent]);
      if (manifest.searchIndex.automatic) await cacheSearchIndex();
      // A new build takes over at once: an old worker must not keep serving an old build.
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const stale = (await caches.keys()).filter((name) => isStaleCache(name, manifest.version));
      // Pages the reader visited stay readable offline; each says when it was saved and which level it shows.
      const pages = await caches.open(names.pages);
      let optedIn = false;
      for (const name of stale) {
        const old = await caches.open(name);
        if (name.endsWith("-pages")) {
          for (const request of await old.keys()) {
            if (pathOf(request.url) === LAST_LEVEL && (await pages.match(LAST_LEVEL))) continue;
            if (!(await pages.match(request))) await pages.put(request, (await old.match(request))!);
          }
        }
        if (name.endsWith("-search") && (await searchIndexComplete(name))) optedIn = true;
      }
      // A reader who chose offline search keeps it across deploys, downloading only what changed.
      if (optedIn && !manifest.searchIndex.automatic) await cacheSearchIndex().catch(() => undefined);
      await Promise.all(stale.map((name) => caches.delete(name)));
      await worker.clients.claim();
    })(),
  );
});

async function availablePages(): Promise<AvailablePage[]> {
  const found = new Map<string, string>();
  for (const name of [names.shell, names.pages]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const title = response?.headers.get(TITLE);
      const path = pathOf(request.url);
      if (title && path !== manifest.offlinePage) found.set(path, decodeURIComponent(title));
    }
  }
  return [...found].map(([url, title]) => ({ url, title }));
}

async function offlinePage(): Promise<Response> {
  const page = await caches.match(manifest.offlinePage);
  if (!page) return new Response("You are offline and this page has not been saved.", { status: 503 });
  const lastLevel = (await (await caches.match(LAST_LEVEL))?.json()) as LastSeenLevel | undefined;
  const built = await page.text();
  // The offline page's own header shows the level of the build it came from: say how old that is too.
  const level = readPageFacts(built).level;
  const savedAt = page.headers.get(SAVED_AT) ?? new Date().toISOString();
  const html = withCacheNotice(fillOfflinePage(built, await availablePages(), lastLevel), level ? { savedAt, level } : { savedAt });
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/** Network first, so an online reader always sees the current level; the cache only when offline. */
async function navigate(event: FetchEvent): Promise<Response> {
  const key = pathOf(event.request.url);
  try {
    const response = await fetch(event.request);
    if (response.ok && isHtml(response)) event.waitUntil(keep(names.pages, key, response.clone()));
    return response;
  } catch {
    const cached = await caches.match(key, { ignoreSearch: true });
    if (!cached) return offlinePage();
    const html = await cached.text();
    const savedAt = cached.headers.get(SAVED_AT) ?? new Date().toISOString();
    const level = readPageFacts(html).level;
    const headers = new Headers(cached.headers);
    headers.delete("Content-Length");
    return new Response(withCacheNotice(html, level ? { savedAt, level } : { savedAt }), { status: 200, headers });
  }
}

async function networkFirst(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

/** Pagefind's files other than its entry point are named by content: a cached copy is never stale. */
async function cacheFirst(request: Request): Promise<Response> {
  return (await caches.match(request, { ignoreSearch: true })) ?? fetch(request);
}

worker.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== worker.location.origin) return;
  if (request.mode === "navigate") return event.respondWith(navigate(event));
  if (url.pathname.startsWith("/pagefind/") && !url.pathname.endsWith("/pagefind-entry.json")) {
    return event.respondWith(cacheFirst(request));
  }
  event.respondWith(networkFirst(request));
});

worker.addEventListener("message", (event) => {
  const message = event.data as OfflineSearchMessage;
  const port = event.ports[0];
  if (!port) return;
  const reply = (data: OfflineSearchReply) => port.postMessage(data);
  const { bytes, automatic, urls } = manifest.searchIndex;
  if (message?.type === "offline-search-status") {
    event.waitUntil(
      searchIndexComplete(names.search).then((complete) => reply({ type: "status", bytes, files: urls.length, automatic, complete })),
    );
  } else if (message?.type === "offline-search-download") {
    event.waitUntil(
      cacheSearchIndex((done, total) => reply({ type: "progress", done, total }))
        .then(() => reply({ type: "done" }))
        .catch((error: unknown) => reply({ type: "error", message: String(error) })),
    );
  }
});
