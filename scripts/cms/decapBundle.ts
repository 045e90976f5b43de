/**
 * The files of Decap CMS's prebuilt bundle that the browser loads, copied from npm into the
 * output at build time so that /admin/ requests nothing from another site. The entry script
 * loads its numbered chunks and WebAssembly from its own folder (webpack's automatic public
 * path). Source maps and the other build (`cms.js`, `N.cms.js`) are left out.
 */
export const DECAP_DIST = "node_modules/decap-cms/dist";
export const ADMIN_FOLDER = "admin";

/** Whether a file of Decap's dist/ folder is one the browser loads (or its licence). */
export function isDecapBundleFile(name: string): boolean {
  return /^(decap-cms\.js|decap-cms\.js\.LICENSE\.txt|\d+\.decap-cms\.js|[0-9a-f]+\.wasm)$/.test(name);
}

/** The CMS's page: for editors, not readers (noindex; no sitemap, search, feeds or offline cache). */
export const ADMIN_PAGE = `/${ADMIN_FOLDER}/`;
