/**
 * Imported first by the programs that render the site once and exit (scripts/build.ts, the test
 * build host), before Eleventy loads. Eleventy registers Node module hooks that make a re-import
 * of a changed project file load it afresh, which only its watch mode (`npm start`) needs; on
 * Node 20 those hooks run on a thread of their own that every later import waits for. A build
 * that renders once imports each file once, so it goes without them.
 */
process.env["ELEVENTY_SKIP_ESM_RESOLVER"] ??= "1";
