import { searchShardsOf } from "../search/searchShards.ts";
import { contentOfBuild } from "./contentPlugin.ts";
import type { EleventyConfig } from "./eleventyConfig.ts";

/**
 * `mergedSearchBundles`: the addresses of the search index's shards after the first, separated by
 * spaces, for the search page to merge (empty when the index is one bundle). The production build
 * indexes the same shards (searchShards.ts), planned from the same content.
 */
export default function searchPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addGlobalData("mergedSearchBundles", async () => {
    const { content } = await contentOfBuild(eleventyConfig);
    return searchShardsOf(content)
      .slice(1)
      .map((shard) => shard.url)
      .join(" ");
  });
}
