import type { ScannedSite } from "./gate.ts";
import type { Reference } from "./scanPage.ts";

export interface ReferenceSource {
  /** The output file, for messages. */
  path: string;
  /** Its URL path, against which relative references resolve. */
  url: string;
  references: readonly Reference[];
}

/** Every file of the output that points at URLs: the pages, then stylesheets and feeds. */
export function referenceSources(site: ScannedSite): ReferenceSource[] {
  return [
    ...[...site.pages.values()].map((page) => ({ path: page.path, url: page.url, references: page.facts.references })),
    ...site.others.map((file) => ({ path: file.path, url: `/${file.path}`, references: file.references })),
  ];
}
