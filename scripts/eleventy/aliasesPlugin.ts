import { ContentError } from "../content/problem.ts";
import type { AnalysisRecord } from "../content/validateAnalysis.ts";
import { aliasRedirects } from "./aliasRedirects.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";


interface RedirectsData {
  analyses: AnalysisRecord[];
  collections: { all: { url: string | false }[] };
}

/**
 * Writes `_site/_redirects`, which Netlify reads: each alias of an analysis (an old address such
 * as /2024/05/18/slug/) answers with a 301 to /articles/<slug>/. A clash stops the build, naming
 * the file and the field.
 */
export default function aliasesPlugin(eleventyConfig: EleventyConfig): void {
  // The config's templateFormats list only njk and md; a virtual JavaScript template needs its format on.
  eleventyConfig.addTemplateFormats("11ty.js");
  eleventyConfig.addTemplate("redirects.11ty.js", {
    data: { permalink: "/_redirects", eleventyExcludeFromCollections: true },
    render(data: RedirectsData): string {
      const urls = data.collections.all.flatMap((page) => (typeof page.url === "string" ? [page.url] : []));
      const { text, problems } = aliasRedirects(data.analyses, urls);
      if (problems.length > 0) throw new ContentError(problems);
      return text;
    },
  });
}
