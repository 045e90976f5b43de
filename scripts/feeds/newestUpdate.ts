import type { FeedItem } from "./types.ts";

/** A feed's own updated date: its newest entry's, or `fallback` for a feed with no entries. */
export function newestUpdate(items: readonly Pick<FeedItem, "updated">[], fallback: Date): Date {
  if (items.length === 0) return fallback;
  return new Date(Math.max(...items.map((item) => item.updated.getTime())));
}
