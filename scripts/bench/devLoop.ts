/**
 * The editor's loop with `npm start`: how long after saving a file the dev server has rebuilt,
 * and how long until the pages that show the change are right in _site.dev/.
 *
 * Five timed edits change the title of one of the two newest analyses (which are on the home
 * page, the first archive page and in the feeds); then one run each of adding an analysis,
 * deleting it, renaming one, and recording an assessment in _data/levels.json.
 */
import { access, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { DEV_OUTPUT_DIR, DevServer } from "./devServer.ts";
import { filesContaining, whenOutputHolds, type OutputCheck } from "./outputWatch.ts";
import type { TreeMemory } from "./processTreeMemory.ts";
import { syntheticSlug, withEditedTitle } from "./syntheticCorpus.ts";

export const TITLE_EDITS = 5;

export interface TimedChange {
  label: string;
  /** From the write to Eleventy's "Wrote N files" line. */
  rebuiltMs: number | undefined;
  /** Eleventy's own count of that build. */
  eleventySeconds: number | undefined;
  /** From the write until the pages this change is about show it (undefined: they never did). */
  shownMs: number | undefined;
  /** For a title: until every page that showed the old title shows the new one. */
  everywhereMs?: number | undefined;
  /** Pages that still showed the old state a few seconds after the rest were right. */
  stale?: string[];
  note?: string;
}

/** How long the pages a change is not about may take after those it is about. */
const OTHERS_GRACE_MS = 3000;

export interface DevLoopResult {
  analyses: number;
  /** From the command to the server listening, its first build done. */
  readySeconds: number;
  firstBuildFiles: number;
  /** The first edit, untimed in the medians: the watcher may still be settling. */
  warmUp: TimedChange;
  titleEdits: TimedChange[];
  /** Pages a title edit waits for: the analysis's own, the home page, the archive page, the feeds. */
  titlePages: string[];
  /** Every output file that showed the title (also its neighbours' pages, its region's page…). */
  titleEverywhere: number;
  changes: TimedChange[];
  memory: TreeMemory | undefined;
}

const articleFile = (root: string, slug: string) => path.join(root, "site/articles", `${slug}.md`);
const pageOf = (slug: string) => `articles/${slug}/index.html`;
/** The pages that list an analysis: home, the archive (any page of it), the feeds. */
const LISTINGS = /^(?:index\.html|articles\/(?:page\/\d+\/)?index\.html|feeds\/.*)$/;

let tokens = 0;
/** Letters and digits only, so that no page or feed escapes it differently. */
const uniqueToken = () => `bench${Date.now().toString(36)}x${++tokens}`;

const contains = (token: string) => (text: string | undefined) => text?.includes(token) ?? false;
const lacks = (token: string) => (text: string | undefined) => text !== undefined && !text.includes(token);
const exists = (text: string | undefined) => text !== undefined;

export async function measureDevLoop(root: string, analyses: number): Promise<DevLoopResult> {
  const output = path.join(root, DEV_OUTPUT_DIR);
  const outputExists = (file: string) => access(path.join(output, file)).then(
    () => true,
    () => false,
  );
  const server = await DevServer.start(root);
  let stopped = false;
  const stop = () => {
    stopped = true;
    return server.stop();
  };
  try {
    const first = await server.ready(30 * 60_000);
    const readySeconds = (performance.now() - server.startedAt) / 1000;
    // A change that rebuilds everything (_data/levels.json) may take as long as the first build: allow many times it.
    let timeoutMs = Math.max(60_000, 10 * first.seconds * 1000);

    /**
     * Makes a change and times the rebuild and the checks (`shown`: those its "right" time is
     * about); then waits for the server to go quiet.
     */
    const timeChange = async (label: string, change: () => Promise<void>, checks: OutputCheck[], shown: OutputCheck[] = checks): Promise<TimedChange> => {
      const since = performance.now();
      await change();
      const [build, shownAt] = await Promise.all([server.buildAfter(since, timeoutMs).catch(() => undefined), whenOutputHolds(output, shown, since, timeoutMs)]);
      // The other pages get a few seconds after those: an incremental rebuild leaves some as they were.
      const others = checks.filter((check) => !shown.includes(check));
      const othersAt = await whenOutputHolds(output, others, since, Math.max(performance.now() - since, 0) + OTHERS_GRACE_MS);
      await quiet(server);
      return {
        label,
        rebuiltMs: build && build.at - since,
        eleventySeconds: build?.seconds,
        shownMs: latest(shownAt),
        everywhereMs: latest([...shownAt, ...othersAt]),
        stale: others.filter((_, i) => othersAt[i] === undefined).map((check) => check.file),
      };
    };

    // The two newest analyses, edited in turn; the pages that show each one's title.
    const targets = [syntheticSlug(analyses), syntheticSlug(Math.max(1, analyses - 1))].filter((slug, i, all) => all.indexOf(slug) === i);
    const showing = new Map<string, string[]>();
    for (const slug of targets) {
      const title = /^title: "(Synthetic analysis \d+:)/m.exec(await readFile(articleFile(root, slug), "utf8"))?.[1];
      if (!title) throw new Error(`${slug}.md has no synthetic title`);
      showing.set(slug, [...new Set([pageOf(slug), ...(await filesContaining(output, title))])]);
    }
    const editTitle = (slug: string, token: string) => async () => {
      const file = articleFile(root, slug);
      const text = await readFile(file, "utf8");
      await writeFile(file, withEditedTitle(text, `edited ${token}`));
    };
    const titleEdit = (i: number) => {
      const slug = targets[i % targets.length]!;
      const token = uniqueToken();
      const checks = showing.get(slug)!.map((file) => ({ file, holds: contains(token) }));
      const pages = checks.filter((check) => check.file === pageOf(slug) || LISTINGS.test(check.file));
      return timeChange(`${slug}.md`, editTitle(slug, token), checks, pages);
    };

    const warmUp = await titleEdit(0);
    const titleEdits: TimedChange[] = [];
    for (let i = 1; i <= TITLE_EDITS; i++) {
      const edit = await titleEdit(i);
      const stale = edit.stale?.length ? ` (still old: ${edit.stale.join(", ")})` : "";
      console.error(`  npm start, title edit ${i}/${TITLE_EDITS} (${edit.label}): rebuilt ${ms(edit.rebuiltMs)}, pages right ${ms(edit.shownMs)}, everywhere ${ms(edit.everywhereMs)}${stale}`);
      titleEdits.push(edit);
    }

    // Each change below is one run; one that never rebuilds need not wait as long as the first build.
    timeoutMs = Math.max(15_000, 3 * Math.max(...titleEdits.map((edit) => edit.rebuiltMs ?? 0)));
    const newest = targets[0]!;
    const listings = showing.get(newest)!.filter((file) => LISTINGS.test(file));
    const changes: TimedChange[] = [];
    const report = (change: TimedChange) => {
      console.error(`  npm start, ${change.label}: rebuilt ${ms(change.rebuiltMs)}, right ${ms(change.shownMs)}${change.note ? ` (${change.note})` : ""}`);
      changes.push(change);
    };

    // A new analysis, dated as the newest, so that it is listed where that one is.
    const added = "synthetic-added";
    const addedToken = uniqueToken();
    const newestText = await readFile(articleFile(root, newest), "utf8");
    report(
      await timeChange(
        "add an analysis",
        () => writeFile(articleFile(root, added), newestText.replace(/^title: .*$/m, `title: "Synthetic analysis added ${addedToken}"`)),
        [{ file: pageOf(added), holds: contains(addedToken) }, ...listings.map((file) => ({ file, holds: contains(addedToken) }))],
      ),
    );

    const stillListed = listings.map((file) => ({ file, holds: lacks(addedToken) }));
    const deleted = await timeChange("delete that analysis", () => rm(articleFile(root, added)), stillListed);
    const stale = await outputExists(pageOf(added));

    // The rename's build also shows whether a deletion that was not rebuilt is caught up by the next change.
    const renamed = `${newest}-renamed`;
    const renameChecks = [{ file: pageOf(renamed), holds: exists }, ...listings.map((file) => ({ file, holds: contains(`/articles/${renamed}/`) }))];
    const renaming = await timeChange(
      `rename ${newest}.md`,
      () => rename(articleFile(root, newest), articleFile(root, renamed)),
      [...renameChecks, ...stillListed],
      renameChecks,
    );
    const notes = [
      deleted.rebuiltMs === undefined
        ? `no rebuild within ${(timeoutMs / 1000).toFixed(0)} s (Eleventy's watcher only forgets a deleted file); ` +
          (renaming.everywhereMs === undefined ? "the listings were still stale after the next change" : "the next change's rebuild drops it from the listings")
        : undefined,
      stale ? `its page stays in ${DEV_OUTPUT_DIR}/${pageOf(added)} (the dev server deletes no output)` : undefined,
    ].filter(Boolean);
    report({ ...deleted, note: notes.join("; ") || undefined });
    const oldPageStays = await outputExists(pageOf(newest));
    report({ ...renaming, note: oldPageStays ? `its old page stays in ${DEV_OUTPUT_DIR}/${pageOf(newest)}` : undefined });

    const levels = path.join(root, "_data/levels.json");
    const history = JSON.parse(await readFile(levels, "utf8")) as { assessments: { date: string; level: number; reason: string }[] };
    const last = history.assessments.at(-1)!;
    const level = last.level === 5 ? 4 : last.level + 1;
    const nextDay = new Date(Date.parse(`${last.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    history.assessments.push({ ...last, date: nextDay, level });
    report(
      await timeChange(`an assessment of DEFCON ${level} in _data/levels.json`, () => writeFile(levels, JSON.stringify(history, null, 1)), [
        { file: "index.html", holds: contains(`hero__number">DEFCON ${level}<`) },
      ]),
    );

    return {
      analyses,
      readySeconds,
      firstBuildFiles: first.files,
      warmUp,
      titleEdits,
      titlePages: showing.get(newest)!.filter((file) => file === pageOf(newest) || LISTINGS.test(file)),
      titleEverywhere: showing.get(newest)!.length,
      changes,
      memory: await stop(),
    };
  } finally {
    if (!stopped) await stop();
  }
}

function latest(times: readonly (number | undefined)[]): number | undefined {
  return times.some((t) => t === undefined) ? undefined : Math.max(0, ...(times as number[]));
}

const ms = (value: number | undefined) => (value === undefined ? "never" : `${value.toFixed(0)} ms`);

/**
 * Waits until the dev server has printed no build for a second: a change can cause two builds
 * (a rename is a deletion and an addition), and the next change must not land in the second.
 */
async function quiet(server: DevServer): Promise<void> {
  let count = -1;
  while (count !== server.builds.length) {
    count = server.builds.length;
    await sleep(1000);
  }
}
