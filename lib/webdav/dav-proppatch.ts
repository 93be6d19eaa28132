import { checkWrite, DavStatus, readSmallBody, sendXml, xmlDocument, type DavRequest } from "./dav-context";
import { davHref } from "./dav-path";
import { LIVE_PROPS, propElement, propOwner } from "./dav-props";
import { childrenNamed, escapeXml, parseXml, type XmlElement } from "./dav-xml";

/**
 * PROPPATCH (RFC 4918 §9.2): sets and removes dead properties in document order, all or nothing.
 * A live DAV: property cannot be changed: it answers 403 and every other one 424, and nothing
 * changes. Values are kept as the XML sent, with the namespaces in scope.
 */
export async function davProppatch(dav: DavRequest): Promise<void> {
  if (!dav.item) throw new DavStatus(404);
  await checkWrite(dav, dav.key);
  const root = parseXml(await readSmallBody(dav.req));
  if (root.ns !== "DAV:" || root.name !== "propertyupdate") throw new DavStatus(400);
  const changes: { op: "set" | "remove"; prop: XmlElement }[] = [];
  for (const instruction of root.children) {
    if (instruction.ns !== "DAV:" || (instruction.name !== "set" && instruction.name !== "remove")) continue;
    for (const prop of childrenNamed(instruction, "DAV:", "prop")) for (const p of prop.children) changes.push({ op: instruction.name, prop: p });
  }
  const owner = propOwner(dav.item);
  const refused = changes.filter((c) => c.prop.ns === "DAV:" && LIVE_PROPS.includes(c.prop.name));
  if (refused.length === 0) {
    await dav.deps.db.$transaction(async (tx) => {
      for (const { op, prop } of changes) {
        const where = { itemType_itemId_ns_name: { ...owner, ns: prop.ns, name: prop.name } };
        if (op === "remove") await tx.davProperty.deleteMany({ where: { ...owner, ns: prop.ns, name: prop.name } });
        else {
          const value = { valueXml: prop.inner, nsJson: JSON.stringify(prop.scope) };
          await tx.davProperty.upsert({ where, create: { ...owner, ns: prop.ns, name: prop.name, ...value }, update: value });
        }
      }
    });
  }
  const statusOf = (c: (typeof changes)[number]) => (refused.length === 0 ? "200 OK" : refused.includes(c) ? "403 Forbidden" : "424 Failed Dependency");
  const propstats = changes.map((c) => `<D:propstat><D:prop>${propElement({ ns: c.prop.ns, name: c.prop.name })}</D:prop><D:status>HTTP/1.1 ${statusOf(c)}</D:status></D:propstat>`);
  const href = davHref(dav.segments, dav.item.type !== "file");
  sendXml(dav.res, 207, xmlDocument(`<D:multistatus xmlns:D="DAV:"><D:response><D:href>${escapeXml(href)}</D:href>${propstats.join("")}</D:response></D:multistatus>`));
}
