/** A feed entry with the file it came from, to name the file when two ids collide. */
export interface IdOwner {
  id: string;
  file: string;
}

/**
 * Throws when two entries share an id: a reader would silently drop one of them. This happens
 * when a `feedId` repeats the id of another analysis (e.g. a new file reusing a renamed slug).
 */
export function assertUniqueEntryIds(owners: readonly IdOwner[]): void {
  const seen = new Map<string, string>();
  for (const { id, file } of owners) {
    const first = seen.get(id);
    if (first !== undefined) {
      throw new Error(
        `${file}: feed id "${id}" is already the id of ${first} (field feedId); ` +
          `give each analysis its own id, see docs/feeds.md`,
      );
    }
    seen.set(id, file);
  }
}
