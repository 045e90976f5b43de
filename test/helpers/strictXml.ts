import { SaxesParser } from "saxes";

/** An element of a strictly parsed XML document. */
export interface XmlElement {
  /** Namespace URI ("" when none). */
  uri: string;
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (character data and CDATA), children's excluded. */
  text: string;
}

export interface XmlDocument {
  root: XmlElement;
  /** Processing instructions, e.g. <?xml-stylesheet href="…"?>. */
  instructions: { target: string; body: string }[];
}

/**
 * A strict, namespace-aware XML parse (saxes with xmlns: true): an undeclared prefix, a bad
 * entity or a control character throws, as in the strictest feed readers.
 */
export function parseStrictXml(xml: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  const instructions: XmlDocument["instructions"] = [];
  let root: XmlElement | undefined;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("processinginstruction", (pi) => instructions.push({ target: pi.target, body: pi.body }));
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.name] = attribute.value;
    const element: XmlElement = { uri: tag.uri, local: tag.local, attributes, children: [], text: "" };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return { root, instructions };
}

/** The children of `element` with this namespace and local name. */
export const childrenNamed = (element: XmlElement, uri: string, local: string): XmlElement[] =>
  element.children.filter((child) => child.uri === uri && child.local === local);

/** The one child of `element` with this namespace and local name; throws if there is not exactly one. */
export function onlyChild(element: XmlElement, uri: string, local: string): XmlElement {
  const found = childrenNamed(element, uri, local);
  if (found.length !== 1) throw new Error(`expected one <${local}> in <${element.local}>, found ${found.length}`);
  return found[0]!;
}

/** Every element below `root` (itself included) with this local name, in document order. */
export function xmlElements(root: XmlElement, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    if (element.local === local) found.push(element);
    element.children.forEach(visit);
  };
  visit(root);
  return found;
}
