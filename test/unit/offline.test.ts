import { describe, expect, it } from "vitest";
import { offlineManifest, urlOf } from "../../scripts/offline/offlineManifest.ts";
import { cacheNamesFor, isStaleCache } from "../../scripts/offline/worker/cacheNames.ts";
import { cacheNoticeText, withCacheNotice } from "../../scripts/offline/worker/cacheNotice.ts";
import { fillOfflinePage } from "../../scripts/offline/worker/offlinePage.ts";
import { readPageFacts } from "../../scripts/offline/worker/pageFacts.ts";
import { formatBytes } from "../../site/assets/js/offlineSize.js";

const files = [
  { path: "index.html", bytes: 100 },
  { path: "offline/index.html", bytes: 100 },
  { path: "search/index.html", bytes: 100 },
  { path: "about/index.html", bytes: 100 },
  { path: "assets/css/site.css", bytes: 100 },
  { path: "articles/new/index.html", bytes: 100 },
  { path: "articles/old/index.html", bytes: 100 },
  { path: "pagefind/pagefind.js", bytes: 100 },
  { path: "pagefind/pagefind-ui.js", bytes: 100 },
  { path: "pagefind/wasm.en.pagefind", bytes: 100 },
  { path: "pagefind/pagefind.en_abc.pf_meta", bytes: 100 },
  { path: "pagefind/index/en_1.pf_index", bytes: 600 },
  { path: "pagefind/fragment/en_2.pf_fragment", bytes: 400 },
];

describe("the offline manifest", () => {
  it("sorts the build's files into shell, search runtime, search index and recent analyses", () => {
    const manifest = offlineManifest(files, ["new", "old", "unpublished"], "v1", 2000);
    expect(manifest.shell).toEqual(["/", "/offline/", "/search/", "/assets/css/site.css"]);
    expect(manifest.searchRuntime).toEqual(["/pagefind/pagefind.en_abc.pf_meta", "/pagefind/pagefind.js", "/pagefind/wasm.en.pagefind"]);
    expect(manifest.searchIndex).toEqual({ urls: ["/pagefind/fragment/en_2.pf_fragment", "/pagefind/index/en_1.pf_index"], bytes: 1000, automatic: true });
    expect(manifest.recent).toEqual(["/articles/new/", "/articles/old/"]);
  });

  it("keeps every shard of the search index: each one's entry and metadata with the runtime, its files with the index", () => {
    const sharded = [
      ...files,
      { path: "pagefind/pagefind-entry.json", bytes: 10 },
      { path: "pagefind/shard-1/pagefind-entry.json", bytes: 10 },
      { path: "pagefind/shard-1/pagefind.en_def.pf_meta", bytes: 100 },
      { path: "pagefind/shard-1/index/en_3.pf_index", bytes: 500 },
      { path: "pagefind/shard-1/filter/en_4.pf_filter", bytes: 20 },
      { path: "pagefind/shard-1/fragment/en_5.pf_fragment", bytes: 300 },
    ];
    const manifest = offlineManifest(sharded, [], "v1", 2000);
    expect(manifest.searchRuntime).toEqual([
      "/pagefind/pagefind-entry.json",
      "/pagefind/pagefind.en_abc.pf_meta",
      "/pagefind/pagefind.js",
      "/pagefind/shard-1/pagefind-entry.json",
      "/pagefind/shard-1/pagefind.en_def.pf_meta",
      "/pagefind/wasm.en.pagefind",
    ]);
    expect(manifest.searchIndex.urls).toEqual([
      "/pagefind/fragment/en_2.pf_fragment",
      "/pagefind/index/en_1.pf_index",
      "/pagefind/shard-1/filter/en_4.pf_filter",
      "/pagefind/shard-1/fragment/en_5.pf_fragment",
      "/pagefind/shard-1/index/en_3.pf_index",
    ]);
    expect(manifest.searchIndex.bytes).toBe(1820);
  });

  it("never precaches the editors' CMS", () => {
    const withCms = [...files, { path: "admin/index.html", bytes: 100 }, { path: "admin/decap-cms.js", bytes: 5_000_000 }, { path: "admin/config.yml", bytes: 100 }];
    const manifest = offlineManifest(withCms, [], "v1", 2000);
    expect([...manifest.shell, ...manifest.searchRuntime, ...manifest.searchIndex.urls].filter((url) => url.startsWith("/admin"))).toEqual([]);
  });

  it("asks the reader first when the index is larger than the automatic limit", () => {
    expect(offlineManifest(files, [], "v1", 999).searchIndex.automatic).toBe(false);
  });

  it("refuses a build without the offline page", () => {
    expect(() => offlineManifest(files.filter((f) => !f.path.startsWith("offline/")), [], "v1")).toThrow(/site\/offline\.njk/);
  });

  it("maps output files to URLs", () => {
    expect(urlOf("articles/x/index.html")).toBe("/articles/x/");
    expect(urlOf("404.html")).toBe("/404.html");
  });
});

describe("the worker's caches", () => {
  it("are named by build, and only our other builds' caches are stale", () => {
    expect(cacheNamesFor("abc").pages).toBe("defcon-abc-pages");
    expect(isStaleCache("defcon-old-shell", "abc")).toBe(true);
    expect(isStaleCache("defcon-abc-shell", "abc")).toBe(false);
    expect(isStaleCache("someone-else", "abc")).toBe(false);
  });
});

const PAGE = `<!doctype html><html><head><title>War &amp; peace · The DEFCON Warning System</title></head><body>
<div class="level-indicator" data-current-level="4" data-level-label="DEFCON 4 Blue" data-level-date="2022-09-29T14:30:00Z" data-next-assessment="2022-10-20"></div>
<main id="main" tabindex="-1"><h1>War</h1></main></body></html>`;

describe("pages served from the cache", () => {
  it("reads the title and the level a page shows", () => {
    expect(readPageFacts(PAGE)).toEqual({
      title: "War & peace · The DEFCON Warning System",
      level: { label: "DEFCON 4 Blue", date: "2022-09-29T14:30:00Z", nextDue: "2022-10-20" },
    });
    expect(readPageFacts("<p>no header</p>")).toEqual({});
  });

  it("say so at the top of the main content, with the date of the level shown", () => {
    const html = withCacheNotice(PAGE, { savedAt: "2025-06-02T08:00:00Z", level: { label: "DEFCON 4 Blue", date: "2022-09-29T14:30:00Z" } });
    expect(html).toContain('<main id="main" tabindex="-1"><p class="offline-notice" role="status" data-offline-notice>You are offline: this page was saved on 2 June 2025. The level it shows, DEFCON 4 Blue, is the assessment of 29 September 2022; it may have changed since.</p><h1>');
    expect(cacheNoticeText({ savedAt: "2025-06-02" })).toBe("You are offline: this page was saved on 2 June 2025.");
  });

  it("fill the offline page with what is saved and the level last seen, escaped", () => {
    const page = '<p id="offline-level">placeholder</p><ul id="offline-available" class="offline-list">\n<li>x</li>\n</ul>';
    const filled = fillOfflinePage(page, [{ url: "/b/", title: "B <i> · The DEFCON Warning System" }, { url: "/a/", title: "A" }], {
      label: "DEFCON 3 Yellow",
      date: "2022-03-13",
      seenAt: "2025-06-01T10:00:00Z",
    });
    expect(filled).toContain('<ul id="offline-available" class="offline-list"><li><a href="/a/">A</a></li><li><a href="/b/">B &lt;i&gt;</a></li></ul>');
    expect(filled).toContain("last online (1 June 2025) was <strong>DEFCON 3 Yellow</strong>, assessed on 13 March 2022");
    expect(fillOfflinePage(page, [])).toContain("Nothing has been saved on this device yet.");
  });

  it("say when the next scheduled assessment is due, or that it was due, on the reader's clock", () => {
    const page = '<p id="offline-level">placeholder</p>';
    const seen = { label: "DEFCON 4 Blue", date: "2025-01-20", seenAt: "2025-01-25T10:00:00Z", nextDue: "2025-02-10" };
    expect(fillOfflinePage(page, [], seen, new Date("2025-02-10T20:00:00Z"))).toContain("The next scheduled assessment is due by 10 February 2025.");
    expect(fillOfflinePage(page, [], seen, new Date("2025-02-11T08:00:00Z"))).toContain(
      "The next scheduled assessment was due by 10 February 2025: a newer one has probably been published.",
    );
    expect(fillOfflinePage(page, [], { ...seen, nextDue: undefined })).not.toContain("next scheduled");
  });

  it("sizes offered for download read plainly", () => {
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(48_200)).toBe("48 kB");
    expect(formatBytes(12_345_678)).toBe("12.3 MB");
  });
});
