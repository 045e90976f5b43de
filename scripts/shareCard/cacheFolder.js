// Where drawn share cards are kept between builds, relative to the project: read by the build
// (scripts/eleventy/shareCardsPlugin.ts) and by the Netlify plugin that keeps it between deploys
// (netlify/plugins/share-card-cache/). Plain JavaScript, so that the Netlify plugin can import it.
export const SHARE_CARD_CACHE = ".cache/share-cards";
