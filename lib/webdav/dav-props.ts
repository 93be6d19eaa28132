import type { ResolvedPath } from "@/lib/files/resolve-path";
import type { Db, DbTx } from "@/lib/server/db";
import { locksCovering, type DavLock } from "./dav-locks";
import { escapeXml } from "./dav-xml";

/** A property name: namespace URI and local name. */
export type PropName = { ns: string; name: string };

/** A property with its value as XML to place inside the element. */
export type PropValue = PropName & { xml: string; nsDecls?: Record<string, string> };

export const LIVE_PROPS = ["creationdate", "displayname", "getcontentlength", "getcontenttype", "getetag", "getlastmodified", "resourcetype", "supportedlock", "lockdiscovery"];

/** The dead-property key of an item. */
export function propOwner(item: ResolvedPath): { itemType: string; itemId: string } {
  return item.type === "root" ? { itemType: "root", itemId: "" } : { itemType: item.type, itemId: item.id };
}

/** The live DAV: properties of an item (RFC 4918 §15), values as XML. */
export function liveProps(item: ResolvedPath, key: string): PropValue[] {
  const dav = (name: string, xml: string): PropValue => ({ ns: "DAV:", name, xml });
  const collection = item.type !== "file";
  const created = item.type === "root" ? new Date(0) : item.createdAt;
  const modified = item.type === "root" ? new Date(0) : item.updatedAt;
  const props = [
    dav("creationdate", created.toISOString()),
    dav("displayname", escapeXml(item.type === "root" ? "" : item.name)),
    dav("getlastmodified", modified.toUTCString()),
    dav("resourcetype", collection ? "<D:collection/>" : ""),
    dav("supportedlock", ["exclusive", "shared"].map((s) => `<D:lockentry><D:lockscope><D:${s}/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockentry>`).join("")),
    dav("lockdiscovery", locksCovering(key).map(activeLockXml).join("")),
  ];
  if (item.type === "file") {
    props.push(dav("getcontentlength", String(item.size)), dav("getcontenttype", escapeXml(item.mime)), dav("getetag", escapeXml(item.etag)));
  }
  return props;
}

/** A lock as the `<D:activelock>` of lockdiscovery. */
export function activeLockXml(lock: DavLock): string {
  return `<D:activelock><D:locktype><D:write/></D:locktype><D:lockscope><D:${lock.scope}/></D:lockscope><D:depth>${lock.depth === "0" ? "0" : "infinity"}</D:depth>`
    + `${lock.ownerXml}<D:timeout>Second-${lock.timeoutSeconds}</D:timeout><D:locktoken><D:href>${escapeXml(lock.token)}</D:href></D:locktoken>`
    + `<D:lockroot><D:href>${escapeXml(`/dav${lock.root === "/" ? "/" : lock.root.split("/").map(encodeURIComponent).join("/")}`)}</D:href></D:lockroot></D:activelock>`;
}

/** The dead properties stored for an item. */
export async function deadProps(db: Db, item: ResolvedPath): Promise<PropValue[]> {
  const rows = await db.davProperty.findMany({ where: propOwner(item), orderBy: [{ ns: "asc" }, { name: "asc" }] });
  return rows.map((r) => ({ ns: r.ns, name: r.name, xml: r.valueXml, nsDecls: JSON.parse(r.nsJson) as Record<string, string> }));
}

/** Copies an item's dead properties onto another (COPY). */
export async function copyDeadProps(tx: DbTx, from: ResolvedPath, to: ResolvedPath): Promise<void> {
  const target = propOwner(to);
  await tx.davProperty.deleteMany({ where: target });
  const rows = await tx.davProperty.findMany({ where: propOwner(from) });
  if (rows.length > 0) await tx.davProperty.createMany({ data: rows.map((r) => ({ ...r, ...target, updatedAt: new Date() })) });
}

/**
 * A property as an XML element: DAV: properties with the `D:` prefix of the multistatus, others
 * with a prefix of their own, plus the namespace declarations in scope where a dead value was written.
 */
export function propElement(prop: PropName & { xml?: string; nsDecls?: Record<string, string> }): string {
  const decls = Object.entries(prop.nsDecls ?? {})
    .filter(([prefix]) => prefix !== "" && prefix !== "xml" && prefix !== "D" && prefix !== "P")
    .map(([prefix, uri]) => ` xmlns:${prefix}="${escapeXml(uri)}"`).join("");
  const defaultNs = prop.nsDecls && "" in prop.nsDecls ? prop.nsDecls[""]! : "";
  const [open, close] = prop.ns === "DAV:" ? [`D:${prop.name}`, `D:${prop.name}`]
    : prop.ns === "" ? [`${prop.name} xmlns=""`, prop.name]
    : [`P:${prop.name} xmlns:P="${escapeXml(prop.ns)}"${prop.nsDecls ? ` xmlns="${escapeXml(defaultNs)}"` : ""}`, `P:${prop.name}`];
  return prop.xml === undefined || prop.xml === "" ? `<${open}${decls}/>` : `<${open}${decls}>${prop.xml}</${close}>`;
}
