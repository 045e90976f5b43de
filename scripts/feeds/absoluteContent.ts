import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";

/** An analysis's rendered HTML and the absolute URL of its page. */
export interface PageHtml {
  slug: string;
  url: string;
  html: string;
}

/**
 * Every URL in each page's HTML made absolute against the page's own URL, with the RSS plugin's
 * converter: a feed reader shows the content away from the site, where "/articles/x/" and
 * "#section" mean nothing. Single tags are closed XHTML-style, as the plugin's filter does.
 */
export async function absoluteContentBySlug(pages: readonly PageHtml[]): Promise<Map<string, string>> {
  const converted = await Promise.all(
    pages.map((page) => (page.html ? convertHtmlToAbsoluteUrls(page.html, page.url, { closingSingleTag: "slash" }) : "")),
  );
  return new Map(pages.map((page, index) => [page.slug, converted[index]!]));
}
