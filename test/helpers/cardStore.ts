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
 * A fixture starts with the cards that fixtures made the same way (the same test file, the same
 * options) had after their builds, not with the whole store (but for the first made so): the
 * build keeps exactly its own cards in its cache and removes the rest, and the store holds
 * hundreds, so linking all of them into every fixture, for its first build to remove again, cost
 * about a thousand file operations a fixture. The store keeps, for each way of making a fixture,
 * the names of the cards it had.
 *
 * Files are hard links (the build writes a card under a temporary name and renames it, and never
 * changes one in place), so a fixture removing or replacing its copy leaves the store's alone.
 */
import { createHash } from "node:crypto";
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
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

/** The folder in the store that lists, for each way of making a fixture, the cards it had. */
const FIXTURE_CARDS = "cards-by-fixture";

const isCard = (name: string) => /^[0-9a-f]+\.png$/.test(name);

/**
 * Links the cards of `from` that `to` lacks into `to` (only those in `only`, if given); a name
 * already there is the same picture.
 */
async function linkCards(from: string, to: string, only?: readonly string[]): Promise<void> {
  await mkdir(to, { recursive: true });
  const [available, present] = await Promise.all([only ?? readdir(from).catch(() => []), readdir(to)]);
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

/** Where the store lists the cards of the fixtures made as `fixture` says (e.g. a test file and its options). */
function cardListFile(store: string, fixture: string): string {
  return path.join(store, FIXTURE_CARDS, `${createHash("sha256").update(fixture).digest("hex").slice(0, 16)}.json`);
}

/** The cards listed for the fixtures made as `fixture` says, or undefined if none was made so before. */
async function listedCards(store: string, fixture: string): Promise<string[] | undefined> {
  return readFile(cardListFile(store, fixture), "utf8").then((text) => JSON.parse(text) as string[], () => undefined);
}

/**
 * Starts the fixture in `root` with the cards that the fixtures made as `fixture` says had, or,
 * for the first fixture made so, with every card in `store` (whichever it needs is there).
 */
export async function fillCardCache(store: string, root: string, fixture: string): Promise<void> {
  await linkCards(store, path.join(root, SHARE_CARD_CACHE), await listedCards(store, fixture));
}

/**
 * Gives the cards the fixture in `root` has to `store`, for the fixtures after it, and adds them to
 * the cards listed for the fixtures made as `fixture` says. A list written at the same moment by
 * another such fixture may lose a name: that card is then drawn again, nothing worse.
 */
export async function keepDrawnCards(store: string, root: string, fixture: string): Promise<void> {
  const cache = path.join(root, SHARE_CARD_CACHE);
  const had = (await readdir(cache).catch(() => [])).filter(isCard);
  await linkCards(cache, store, had);
  const cards = new Set([...((await listedCards(store, fixture)) ?? []), ...had]);
  const file = cardListFile(store, fixture);
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, JSON.stringify([...cards].sort()));
  await rename(partial, file);
}
