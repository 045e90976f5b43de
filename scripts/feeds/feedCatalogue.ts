/** What a feed is about: each topic is published in every format. */
export type FeedTopic = "analyses" | "levels";
export type FeedFormat = "atom" | "rss" | "json";

/** One feed as pages advertise it (autodiscovery links and the /feeds/ page). */
export interface FeedLink {
  topic: FeedTopic;
  format: FeedFormat;
  /** Distinct for each feed, so a reader offering several can tell them apart. */
  title: string;
  /** Root-relative path of the feed in the output. */
  url: string;
  /** The media type announced in <link rel="alternate" type>. */
  type: string;
}

export const FEED_TOPICS: readonly FeedTopic[] = ["analyses", "levels"];

const TOPIC_NAMES: Record<FeedTopic, string> = { analyses: "Analyses", levels: "Level assessments" };

const FORMATS: Record<FeedFormat, { name: string; extension: string; type: string }> = {
  atom: { name: "Atom", extension: ".atom.xml", type: "application/atom+xml" },
  rss: { name: "RSS", extension: ".rss.xml", type: "application/rss+xml" },
  json: { name: "JSON Feed", extension: ".json", type: "application/feed+json" },
};

/** "/feeds/analyses.atom.xml": the `.xml` ending makes every host serve it as XML, which browsers display. */
export function feedPath(topic: FeedTopic, format: FeedFormat): string {
  return `/feeds/${topic}${FORMATS[format].extension}`;
}

/** Every feed the site publishes, Atom first: readers that take the first link get the richest format. */
export function feedCatalogue(): FeedLink[] {
  return FEED_TOPICS.flatMap((topic) =>
    (["atom", "rss", "json"] as const).map((format) => ({
      topic,
      format,
      title: `${TOPIC_NAMES[topic]} (${FORMATS[format].name})`,
      url: feedPath(topic, format),
      type: FORMATS[format].type,
    })),
  );
}
