import type { ShownLevel } from "./pageFacts.ts";
import { escapeHtml } from "../../text/escapeHtml.ts";
import { readableDay } from "./readableDay.ts";

export interface CachedCopy {
  /** When the worker stored the page (ISO instant). */
  savedAt: string;
  level?: ShownLevel;
}

/** The sentence that tells a reader this page came from the cache, and how old its level is. */
export function cacheNoticeText({ savedAt, level }: CachedCopy): string {
  const saved = `You are offline: this page was saved on ${readableDay(savedAt)}.`;
  if (!level) return saved;
  return `${saved} The level it shows, ${level.label}, is the assessment of ${readableDay(level.date)}; it may have changed since.`;
}

/**
 * Puts the notice at the top of the page's main content, as HTML (no script or style needed, so it
 * holds under the site's Content-Security-Policy and without JavaScript on the page).
 */
export function withCacheNotice(html: string, copy: CachedCopy): string {
  const notice = `<p class="offline-notice" role="status" data-offline-notice>${escapeHtml(cacheNoticeText(copy))}</p>`;
  const main = /<main\b[^>]*>/i.exec(html) ?? /<body\b[^>]*>/i.exec(html);
  if (!main) return notice + html;
  const at = main.index + main[0].length;
  return html.slice(0, at) + notice + html.slice(at);
}
