export interface GateFailure {
  gate: string;
  path: string;
  reason: string;
}

/** What every gate may know about the whole output, gathered before the pages are read. */
export interface SiteContext {
  /** Origins that are this site (site.json's url and Netlify's URL); anything else is a third party. */
  firstPartyOrigins: ReadonlySet<string>;
  /** The origin relative URLs resolve against. */
  origin: string;
  /** Every file in the output with its size in bytes. */
  files: ReadonlyMap<string, number>;
  /** Gzipped sizes of the text assets (CSS, JavaScript, SVG) a page may load, by output file. */
  gzippedAssets: Pick<ReadonlyMap<string, number>, "get">;
  /** For each stylesheet, the output files it loads (fonts, images, imports). */
  cssDependencies: ReadonlyMap<string, string[]>;
}

/** One HTML page after its single parse. */
export interface ScannedPage {
  path: string;
  /** The URL path readers use, e.g. "/about/". */
  url: string;
  /** Raw size of the HTML in bytes. */
  bytes: number;
  html: string;
  facts: import("./scanPage.ts").PageFacts;
}

/** A check over one scanned page, with the site around it; returns the reasons it fails. */
export interface FactGate {
  name: string;
  check(page: ScannedPage, site: SiteContext): string[];
}

/** A non-HTML file that points at other URLs: a stylesheet or a feed. */
export interface ScannedFile {
  path: string;
  references: import("./scanPage.ts").Reference[];
}

/** The whole output after one read: what cross-page gates (links, unique titles) need. */
export interface ScannedSite extends SiteContext {
  /** Pages without their HTML (dropped after the per-page gates, to keep memory flat). */
  pages: ReadonlyMap<string, Omit<ScannedPage, "html">>;
  /** Stylesheets and feeds, with the URLs they reference. */
  others: readonly ScannedFile[];
}

/** A check over the whole output at once. */
export interface SiteGate {
  name: string;
  check(site: ScannedSite): GateFailure[];
}
