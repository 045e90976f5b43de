/** The URL path a reader uses for an output file: "about/index.html" → "/about/", "404.html" → "/404.html". */
export function urlPathOf(file: string): string {
  if (file === "index.html") return "/";
  if (file.endsWith("/index.html")) return `/${file.slice(0, -"index.html".length)}`;
  return `/${file}`;
}

/**
 * The output file a URL path is served from, the way Netlify resolves it (`/x/` → x/index.html;
 * `/x` → x, x/index.html or x.html), or undefined when nothing in the output answers it.
 */
export function outputFileFor(urlPath: string, files: ReadonlySet<string> | ReadonlyMap<string, unknown>): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = decoded.replace(/^\/+/, "");
  const candidates =
    relative === "" || relative.endsWith("/")
      ? [`${relative}index.html`]
      : [relative, `${relative}/index.html`, `${relative}.html`];
  return candidates.find((candidate) => files.has(candidate));
}

/** What kind of page a file is, for the build summary and for choosing pages to audit. */
export function pageTypeOf(file: string): string {
  const parts = file.split("/");
  if (file === "index.html") return "home";
  if (file === "404.html") return "404";
  if (parts[0] === "articles") {
    if (parts.length === 2 || parts[1] === "page") return "archive";
    return "analysis";
  }
  if (parts[0] === "regions") return parts.length === 2 ? "regions" : "region";
  // Any other page is named by its folder, so that a page below another ("embed/widget") is a
  // type of its own, audited as such, not a second example of the one above it.
  return parts.length === 1 ? parts[0]!.replace(/\.html$/, "") : parts.slice(0, -1).join("/");
}
