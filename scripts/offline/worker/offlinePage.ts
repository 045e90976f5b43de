import type { ShownLevel } from "./pageFacts.ts";
import { escapeHtml } from "../../text/escapeHtml.ts";
import { readableDay } from "./readableDay.ts";

export interface AvailablePage {
  url: string;
  title: string;
}

export interface LastSeenLevel extends ShownLevel {
  /** When the reader last loaded a page online (ISO instant). */
  seenAt: string;
}

/** Drops the site's name from a page title: "X · The DEFCON Warning System" → "X". */
function shortTitle(title: string): string {
  return title.split(" · ")[0]!.trim() || title;
}

/** What the reader can expect of the next scheduled assessment, on their own clock. */
function nextAssessmentNote(due: string | undefined, now: Date): string {
  if (!due) return "";
  const day = escapeHtml(readableDay(due));
  return now.toISOString().slice(0, 10) > due
    ? ` The next scheduled assessment was due by ${day}: a newer one has probably been published.`
    : ` The next scheduled assessment is due by ${day}.`;
}

/**
 * Fills the offline page (site/offline.njk) with what this reader can still open and the level as
 * they last saw it. The page marks the two places with ids; the rest of it is served as built.
 */
export function fillOfflinePage(html: string, available: readonly AvailablePage[], lastLevel?: LastSeenLevel, now = new Date()): string {
  const items = [...available]
    .sort((a, b) => a.url.localeCompare(b.url))
    .map((page) => `<li><a href="${escapeHtml(page.url)}">${escapeHtml(shortTitle(page.title))}</a></li>`)
    .join("");
  const list = items || "<li>Nothing has been saved on this device yet.</li>";
  const level = lastLevel
    ? `The level when you were last online (${escapeHtml(readableDay(lastLevel.seenAt))}) was <strong>${escapeHtml(lastLevel.label)}</strong>, assessed on ${escapeHtml(readableDay(lastLevel.date))}. It may have changed since.` +
      nextAssessmentNote(lastLevel.nextDue, now)
    : "This device has not seen the level yet.";
  return html
    .replace(/(<ul\b[^>]*\bid="offline-available"[^>]*>)[\s\S]*?(<\/ul>)/i, `$1${list}$2`)
    .replace(/(<p\b[^>]*\bid="offline-level"[^>]*>)[\s\S]*?(<\/p>)/i, `$1${level}$2`);
}
