import { testOverride } from "../build/testOverrides.ts";

/**
 * The search index is written as several Pagefind bundles ("shards") that the search page merges
 * in the browser (Pagefind's mergeIndex), because Pagefind's indexer holds the whole index in
 * memory, in proportion to the words it indexes (about 0.48 MiB per 1,000 words, whatever the
 * pages' HTML): 1.8 GB for 4,000 analyses of 1,000 words in one process and 8 GB for 20,000. A shard
 * holds at most this many words, which keeps each indexer process within 1 GiB (923–975 MiB
 * measured for 2.04 million words, 2,000 analyses of the benchmark's corpus), and at most
 * MAX_RECORDS_PER_SHARD records; an archive takes as few shards as both allow, two for 4,000
 * analyses of 1,000 words and their assessments. Fewer shards are also a smaller first search
 * (each shard adds its own metadata, filters and a chunk of its word index to the reader's
 * download) and rank more like one index, each shard's word statistics being a larger sample of
 * the whole.
 */
export const MAX_WORDS_PER_SHARD = 2_100_000;
/** At most this many records a shard, however short: a record costs its indexer memory of its own. */
export const MAX_RECORDS_PER_SHARD = 2300;

/** Where the first bundle goes, relative to the output folder; it also holds Pagefind's runtime. */
export const SEARCH_BUNDLE_DIR = "pagefind";

export interface SearchShard {
  /** The bundle's folder relative to the output folder: "pagefind", "pagefind/shard-1", … */
  dir: string;
  /** The bundle's address on the site: "/pagefind/", "/pagefind/shard-1/", … */
  url: string;
  /** Slugs of the analyses whose pages this shard indexes. */
  analysisSlugs: string[];
  /** Indexes into the level history of the assessments this shard holds as custom records. */
  assessmentIndexes: number[];
}

/** What a shard is made of: each analysis and each assessment, with the value Pagefind sorts by. */
export interface ShardInput {
  /** With their words (AnalysisRecord's `words`) when known; an assessment's few words are not counted. */
  analyses: readonly { slug: string; date: string; words?: number }[];
  assessments: readonly { date: string }[];
}

/**
 * Divides the records between as many shards as their number and their words need, so that
 * merged results keep the order of one index:
 *
 * - Relevance: every shard gets every K-th record in date order, so each is a sample of the
 *   whole archive across the years, and its word statistics (which Pagefind's ranking uses) are
 *   those of the whole; and each holds about as many words as the others.
 * - Date order: Pagefind orders a sorted search within a shard by each result's position in that
 *   shard's sorted list, and merged results by that position alone. Dealt out this way, position p
 *   of shard s is place p·K + s of the whole archive, so ordering by (position, shard) is the
 *   archive's date order; searchShardOrder.js breaks the ties between shards.
 *
 * Records are ordered by their sort value compared as bytes, as Pagefind compares them; equal
 * dates may come in any order, as within one index.
 */
export function planSearchShards(input: ShardInput, maxRecordsPerShard = shardSizeFromEnvironment(), maxWordsPerShard = MAX_WORDS_PER_SHARD): SearchShard[] {
  const records = [
    ...input.analyses.map((a) => ({ date: a.date, analysis: a.slug, assessment: -1 })),
    ...input.assessments.map((a, i) => ({ date: a.date, analysis: "", assessment: i })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const words = input.analyses.reduce((sum, analysis) => sum + (analysis.words ?? 0), 0);
  // Never more shards than records: a single analysis longer than a shard's words has one to itself.
  const needed = Math.max(Math.ceil(records.length / maxRecordsPerShard), Math.ceil(words / maxWordsPerShard));
  const count = Math.max(1, Math.min(records.length, needed));
  const shards: SearchShard[] = Array.from({ length: count }, (_, i) => ({
    dir: i === 0 ? SEARCH_BUNDLE_DIR : `${SEARCH_BUNDLE_DIR}/shard-${i}`,
    url: i === 0 ? `/${SEARCH_BUNDLE_DIR}/` : `/${SEARCH_BUNDLE_DIR}/shard-${i}/`,
    analysisSlugs: [],
    assessmentIndexes: [],
  }));
  records.forEach((record, rank) => {
    const shard = shards[rank % count]!;
    if (record.analysis) shard.analysisSlugs.push(record.analysis);
    else shard.assessmentIndexes.push(record.assessment);
  });
  return shards;
}

/** DEFCON_SEARCH_SHARD_RECORDS: lets the tests split a fixture of a few analyses into shards. */
function shardSizeFromEnvironment(): number {
  return Math.max(1, Math.floor(testOverride("DEFCON_SEARCH_SHARD_RECORDS", MAX_RECORDS_PER_SHARD, "records")));
}

/** The shards of a site's content: its published analyses and its level history. */
export function searchShardsOf(content: { analyses: readonly { slug: string; date: string; words: number }[]; level: { history: readonly { date: string }[] } }): SearchShard[] {
  return planSearchShards({ analyses: content.analyses, assessments: content.level.history });
}
