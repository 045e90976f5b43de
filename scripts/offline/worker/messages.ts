/** What the search page asks the worker about offline search (see site/assets/js/search-offline.js). */
export type OfflineSearchMessage = { type: "offline-search-status" } | { type: "offline-search-download" };

export type OfflineSearchReply =
  | { type: "status"; bytes: number; files: number; automatic: boolean; complete: boolean }
  | { type: "progress"; done: number; total: number }
  | { type: "done" }
  | { type: "error"; message: string };
