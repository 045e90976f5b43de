// @11ty/eleventy-plugin-rss 3.0.0 ships no types; these are the parts the feeds use.
declare module "@11ty/eleventy-plugin-rss" {
  const rssPlugin: (eleventyConfig: unknown, options?: Record<string, unknown>) => void;
  export default rssPlugin;
  /** "2025-09-08T00:00:00Z" (RFC 3339, UTC, no milliseconds). */
  export function dateToRfc3339(date: Date): string;
  /** "Mon, 08 Sep 2025 00:00:00 GMT" with timeZone "UTC" (RFC 822); the machine's zone without it. */
  export function dateToRfc822(date: Date | string | number, timeZone?: string): string;
  /** Rewrites every URL in an HTML fragment against `base`. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string, options?: Record<string, unknown>): Promise<string>;
}
