/**
 * Share cards drawn by fixture sites, kept for the fixtures after them, in this test run and the
 * next (in node_modules/.cache/, as Vitest keeps its own): a fixture's card cache
 * (`.cache/share-cards/`) starts with every card in the store, and gives back the ones its builds
 * drew. This is the build's own cache at work, as Netlify's build cache brings it back between
 * deploys: a card's file name is the hash of what it shows and of the code and fonts that draw it,
 * so a card found in the store is exactly the picture the build would draw, and a change to the
 * drawing gives every card a new name. Drawing a card costs about 70 ms of processor time, and
 * some fixtures have hundreds.
 *
 * Files are hard links (the build writes a card under a temporary name and renames it, and never
 * changes one in place), so a fixture removing or replacing its copy leaves the store's alone.
 */
import { link, mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { SHARE_CARD_CACHE } from "../../scripts/shareCard/cacheFolder.js";
import { PROJECT_ROOT } from "./projectRoot.ts";

/** Where the store is kept between runs. */
export const CARD_STORE = path.join(PROJECT_ROOT, "node_modules/.cache/defcon-test-share-cards");

/**
 * More cards than the tests draw in several runs (about 500 a run): cards nobody draws any more
 * (after a change to the drawing, or to a fixture) are let go by emptying the store past this.
 */
const MOST_CARDS_KEPT = 3000;

/** Links placed at once: far below any system's limit on open files. */
const FILES_AT_ONCE = 32;

const isCard = (name: string) => /^[0-9a-f]+\.png$/.test(name);

/** Links every card of `from` that `to` lacks into `to`; a name already there is the same picture. */
async function linkCards(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const [available, present] = await Promise.all([readdir(from).catch(() => []), readdir(to)]);
  const have = new Set(present);
  const limit = pLimit(FILES_AT_ONCE);
  await Promise.all(
    available
      .filter((name) => isCard(name) && !have.has(name))
      .map((name) =>
        limit(async () => {
          try {
            await link(path.join(from, name), path.join(to, name));
          } catch (error) {
            // Another fixture gave the same card back first; or the build has since replaced its copy.
            if (!["EEXIST", "ENOENT"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
          }
        }),
      ),
  );
}

/** The store, made if missing, emptied if it has grown past `mostKept` cards. */
export async function openCardStore(store = CARD_STORE, mostKept = MOST_CARDS_KEPT): Promise<string> {
  await mkdir(store, { recursive: true });
  if ((await readdir(store)).length > mostKept) {
    await rm(store, { recursive: true, force: true });
    await mkdir(store, { recursive: true });
  }
  return store;
}

/** Starts the fixture in `root` with every card in `store`. */
export function fillCardCache(store: string, root: string): Promise<void> {
  return linkCards(store, path.join(root, SHARE_CARD_CACHE));
}

/** Gives the cards the fixture in `root` has drawn to `store`, for the fixtures after it. */
export function keepDrawnCards(store: string, root: string): Promise<void> {
  return linkCards(path.join(root, SHARE_CARD_CACHE), store);
}
