// Every analysis, in this folder or a folder inside it, is published at the address its
// validated record gives (/articles/<file name>/), with the analysis layout. Eleventy loads this
// file by itself, outside the compiled build (scripts/build/compileScripts.js), so it imports nothing
// of ours: what it needs comes as global data (scripts/eleventy/contentPlugin.ts).

/** The analysis's validated record (scripts/content/validateAnalysis.ts). */
function analysis(data) {
  const record = data.analysisByInputPath.get(data.page.inputPath);
  if (!record) throw new Error(`${data.page.inputPath} was not validated with the other analyses (scripts/content/loadContent.ts)`);
  return record;
}

export default {
  layout: "layouts/analysis.njk",
  templateEngineOverride: "md",
  eleventyComputed: {
    analysis,
    permalink: (data) => data.analysisUrl(analysis(data).slug),
    /** The assessment in force on the analysis's day (undefined before the first one). */
    levelWhenWritten: (data) => data.level.levelAt(new Date(`${analysis(data).date}T00:00:00Z`)),
    /** Its share card: its title and that level (scripts/shareCard/shareCards.ts). */
    shareCard: (data) => data.shareCards.bySlug.get(analysis(data).slug),
  },
};
