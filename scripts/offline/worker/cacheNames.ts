/** Every cache this site's worker owns starts with this, so it never deletes another app's caches. */
export const CACHE_PREFIX = "defcon-";

export interface CacheNames {
  /** App shell, search runtime and the most recent analyses: precached at install. */
  shell: string;
  /** Pages the reader visited. */
  pages: string;
  /** Pagefind's index, fragments and filters. */
  search: string;
}

/** Caches are named by build, so a deploy gets fresh ones and the old ones can be dropped whole. */
export function cacheNamesFor(version: string): CacheNames {
  return {
    shell: `${CACHE_PREFIX}${version}-shell`,
    pages: `${CACHE_PREFIX}${version}-pages`,
    search: `${CACHE_PREFIX}${version}-search`,
  };
}

/** A cache of ours left by another build. */
export function isStaleCache(name: string, version: string): boolean {
  return name.startsWith(CACHE_PREFIX) && !name.startsWith(`${CACHE_PREFIX}${version}-`);
}
