import { Parser } from "htmlparser2";
import { scanPage, type Reference } from "./scanPage.ts";

/** Elements of Atom, RSS and sitemaps whose text is a URL, and what following it means. */
const URL_TEXT: Record<string, Reference["kind"]> = { icon: "resource", logo: "resource", link: "link", loc: "link", comments: "link" };
/** RSS elements whose text is always escaped HTML that a feed reader renders. */
const RSS_HTML = new Set(["description", "content:encoded"]);
/**
 * Atom text constructs: escaped HTML only with type="html". Without a type, or with
 * type="text", they are plain text (RFC 4287, 3.1): a summary that mentions `<img src=x>`
 * shows those characters and loads nothing.
 */
const ATOM_TEXT = new Set(["content", "summary", "subtitle", "title", "rights"]);
/** Attributes holding a URL, by element. */
const URL_ATTRIBUTES: Record<string, Record<string, Reference["kind"]>> = {
  link: { href: "link" },
  enclosure: { url: "resource" },
  "media:content": { url: "resource" },
  "media:thumbnail": { url: "resource" },
  "itunes:image": { href: "resource" },
};

/** The URLs an XML feed or sitemap points at, including those inside its entries' HTML. */
export function scanXmlFeed(xml: string): Reference[] {
  const references: Reference[] = [];
  const stack: { name: string; type: string | undefined }[] = [];
  let text = "";
  const parser = new Parser(
    {
      onprocessinginstruction(_name, data) {
        const href = /^\?xml-stylesheet\b[\s\S]*?\bhref\s*=\s*["']([^"']*)["']/i.exec(data)?.[1];
        if (href !== undefined) references.push({ url: href, kind: "resource", where: "<?xml-stylesheet href?>" });
      },
      onopentag(name, attribs) {
        stack.push({ name, type: attribs["type"] });
        text = "";
        for (const [attribute, kind] of Object.entries(URL_ATTRIBUTES[name] ?? {})) {
          const value = attribs[attribute];
          if (value !== undefined) references.push({ url: value.trim(), kind, where: `<${name} ${attribute}>` });
        }
      },
      ontext(chunk) {
        text += chunk;
      },
      onclosetag(name) {
        const element = stack.pop();
        const parent = stack[stack.length - 1]?.name;
        const value = text.trim();
        text = "";
        if (value === "") return;
        const kind = name === "url" && parent === "image" ? "resource" : URL_TEXT[name];
        if (kind !== undefined) references.push({ url: value, kind, where: `<${name}>` });
        if (RSS_HTML.has(name) || (ATOM_TEXT.has(name) && element?.type === "html")) {
          for (const reference of scanPage(value).references) references.push({ ...reference, where: `${reference.where} in <${name}>` });
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.end(xml);
  return references;
}

const JSON_FEED_RESOURCES = ["icon", "favicon", "image", "banner_image"];
const JSON_FEED_LINKS = ["home_page_url", "feed_url", "url"];

/** The URLs a JSON Feed (jsonfeed.org) points at, or undefined when the JSON is not a feed. */
export function scanJsonFeed(json: string): Reference[] | undefined {
  let feed: unknown;
  try {
    feed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof feed !== "object" || feed === null || !String((feed as { version?: unknown }).version).startsWith("https://jsonfeed.org/")) {
    return undefined;
  }
  const references: Reference[] = [];
  const visit = (object: Record<string, unknown>, where: string) => {
    for (const key of JSON_FEED_RESOURCES) {
      if (typeof object[key] === "string") references.push({ url: object[key], kind: "resource", where: `${where}.${key}` });
    }
    for (const key of JSON_FEED_LINKS) {
      if (typeof object[key] === "string") references.push({ url: object[key], kind: "link", where: `${where}.${key}` });
    }
    if (typeof object["content_html"] === "string") {
      for (const reference of scanPage(object["content_html"]).references) {
        references.push({ ...reference, where: `${reference.where} in ${where}.content_html` });
      }
    }
  };
  visit(feed as Record<string, unknown>, "feed");
  const items = (feed as { items?: unknown }).items;
  if (Array.isArray(items)) items.forEach((item, i) => typeof item === "object" && item && visit(item as Record<string, unknown>, `items[${i}]`));
  return references;
}
