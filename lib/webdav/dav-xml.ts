import { AppError } from "@/lib/errors";

/** An element of a parsed WebDAV request body, with its namespace resolved. */
export type XmlElement = {
  ns: string;
  name: string;
  children: XmlElement[];
  /** Its text content (entities decoded), children's text excluded. */
  text: string;
  /** The source between its start and end tags, as sent (a dead property's value). */
  inner: string;
  /** Prefix → namespace URI in scope at this element ("" = the default namespace). */
  scope: Record<string, string>;
};

const NAME = /^[A-Za-z_][\w.\-\u00b7\u00c0-\uffff]*(:[A-Za-z_][\w.\-\u00b7\u00c0-\uffff]*)?/;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Parses the small XML bodies WebDAV clients send (PROPFIND, PROPPATCH, LOCK) into a
 * namespace-resolved tree. Refuses (`bad_request`) anything malformed, undeclared prefixes, a
 * prefix bound to the empty namespace, and any DOCTYPE (no entity expansion at all).
 */
export function parseXml(source: string): XmlElement {
  let at = 0;
  const fail = (why: string): never => {
    throw new AppError("bad_request", `Malformed XML body: ${why} (at ${at}).`);
  };
  const skipMisc = () => {
    for (;;) {
      while (/\s/.test(source[at] ?? "")) at += 1;
      if (source.startsWith("<?", at)) at = close("?>");
      else if (source.startsWith("<!--", at)) at = close("-->");
      else if (source.startsWith("<!", at)) fail("DOCTYPE and declarations are not accepted");
      else return;
    }
  };
  const close = (marker: string) => {
    const end = source.indexOf(marker, at);
    if (end < 0) fail(`missing ${marker}`);
    return end + marker.length;
  };
  const element = (outer: Record<string, string>): XmlElement => {
    if (source[at] !== "<") fail("expected an element");
    at += 1;
    const qname = NAME.exec(source.slice(at, at + 512))?.[0] ?? fail("bad element name");
    at += qname.length;
    const attrs: [string, string][] = [];
    for (;;) {
      const space = /^\s*/.exec(source.slice(at))![0].length;
      at += space;
      if (source.startsWith("/>", at) || source[at] === ">") break;
      if (space === 0) fail("expected whitespace between attributes");
      const attr = NAME.exec(source.slice(at, at + 512))?.[0] ?? fail("bad attribute name");
      at += attr.length;
      const eq = /^\s*=\s*(["'])/.exec(source.slice(at)) ?? fail("expected =\"value\"");
      at += eq[0].length;
      const end = source.indexOf(eq[1]!, at);
      if (end < 0) fail("unterminated attribute value");
      attrs.push([attr, decode(source.slice(at, end), fail)]);
      at = end + 1;
    }
    const scope = { ...outer };
    for (const [attr, value] of attrs) {
      if (attr === "xmlns") scope[""] = value;
      else if (attr.startsWith("xmlns:")) {
        if (value === "") fail(`prefix ${attr.slice(6)} bound to the empty namespace`);
        scope[attr.slice(6)] = value;
      }
    }
    const [prefix, local] = qname.includes(":") ? qname.split(":") as [string, string] : ["", qname];
    const ns = scope[prefix] ?? (prefix === "" ? "" : fail(`undeclared prefix ${prefix}`));
    const node: XmlElement = { ns, name: local, children: [], text: "", inner: "", scope };
    if (source.startsWith("/>", at)) {
      at += 2;
      return node;
    }
    at += 1;
    const innerStart = at;
    for (;;) {
      if (at >= source.length) fail(`unclosed <${qname}>`);
      if (source.startsWith("</", at)) {
        const end = source.indexOf(">", at);
        if (end < 0 || source.slice(at + 2, end).trim() !== qname) fail(`mismatched end tag for <${qname}>`);
        node.inner = source.slice(innerStart, at);
        at = end + 1;
        return node;
      }
      if (source.startsWith("<!--", at)) at = close("-->");
      else if (source.startsWith("<![CDATA[", at)) {
        const end = close("]]>");
        node.text += source.slice(at + 9, end - 3);
        at = end;
      } else if (source.startsWith("<?", at)) at = close("?>");
      else if (source[at] === "<") node.children.push(element(scope));
      else {
        const next = source.indexOf("<", at);
        const end = next < 0 ? source.length : next;
        node.text += decode(source.slice(at, end), fail);
        at = end;
      }
    }
  };
  skipMisc();
  const root = element({ xml: "http://www.w3.org/XML/1998/namespace" });
  skipMisc();
  if (at !== source.length) fail("content after the root element");
  return root;
}

function decode(text: string, fail: (why: string) => never): string {
  return text.replace(/&([^;\s&]{1,10});/g, (_, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? fail(`unknown entity &${entity};`);
  });
}

/** Escapes text for an XML element or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[c]!};`);
}

/** The children of an element in one namespace with one local name. */
export function childrenNamed(element: XmlElement, ns: string, name: string): XmlElement[] {
  return element.children.filter((c) => c.ns === ns && c.name === name);
}
