/** The level a page shows, as the header wrote it (data-level-label, data-level-date, data-next-assessment). */
export interface ShownLevel {
  label: string;
  /** The date of the assessment, as written in levels.json. */
  date: string;
  /** The day the next scheduled assessment was due when the page was built, "YYYY-MM-DD". */
  nextDue?: string;
}

export interface PageFacts {
  title?: string;
  level?: ShownLevel;
}

const TITLE = /<title>([^<]*)<\/title>/i;
const LABEL = /data-level-label="([^"]*)"/;
const DATE = /data-level-date="([^"]*)"/;
const NEXT = /data-next-assessment="(\d{4}-\d{2}-\d{2})"/;

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** What the worker needs to know about a page it keeps: its title and the level it shows. */
export function readPageFacts(html: string): PageFacts {
  const facts: PageFacts = {};
  const title = TITLE.exec(html)?.[1];
  if (title !== undefined) facts.title = decode(title.trim());
  const label = LABEL.exec(html)?.[1];
  const date = DATE.exec(html)?.[1];
  const nextDue = NEXT.exec(html)?.[1];
  if (label !== undefined && date !== undefined) facts.level = { label: decode(label), date: decode(date), ...(nextDue && { nextDue }) };
  return facts;
}
