import { listFolder } from "@/lib/files/list-folder";
import type { ResolvedPath } from "@/lib/files/resolve-path";
import { DavStatus, readSmallBody, sendXml, xmlDocument, type DavRequest } from "./dav-context";
import { davHref, pathKey } from "./dav-path";
import { deadProps, liveProps, propElement, type PropName, type PropValue } from "./dav-props";
import { childrenNamed, escapeXml, parseXml } from "./dav-xml";

type Wanted = { kind: "allprop" } | { kind: "propname" } | { kind: "prop"; props: PropName[] };

/**
 * PROPFIND (RFC 4918 §9.1) at depth 0 or 1: a 207 multistatus with the requested properties of
 * the target and, at depth 1, its members (live ones, and dead ones set by PROPPATCH). Depth
 * infinity is refused with 403 propfind-finite-depth (§9.1: the server may).
 */
export async function davPropfind(dav: DavRequest): Promise<void> {
  if (!dav.item) throw new DavStatus(404);
  const depth = dav.req.headers.depth ?? "infinity";
  if (depth !== "0" && depth !== "1") {
    throw new DavStatus(403, { "Content-Type": 'application/xml; charset="utf-8"' }, xmlDocument('<D:error xmlns:D="DAV:"><D:propfind-finite-depth/></D:error>'));
  }
  const wanted = parseWanted(await readSmallBody(dav.req));
  const responses = [await responseFor(dav, dav.item, dav.segments, wanted)];
  if (depth === "1" && dav.item.type !== "file") {
    const listing = await listFolder(dav.deps.db, dav.item.type === "root" ? null : dav.item.id);
    for (const member of [...listing.folders, ...listing.files]) responses.push(await responseFor(dav, member, [...dav.segments, member.name], wanted));
  }
  sendXml(dav.res, 207, xmlDocument(`<D:multistatus xmlns:D="DAV:">${responses.join("")}</D:multistatus>`));
}

function parseWanted(body: string): Wanted {
  if (!body.trim()) return { kind: "allprop" };
  const root = parseXml(body);
  if (root.ns !== "DAV:" || root.name !== "propfind") throw new DavStatus(400);
  if (childrenNamed(root, "DAV:", "propname").length > 0) return { kind: "propname" };
  const prop = childrenNamed(root, "DAV:", "prop")[0];
  if (prop) return { kind: "prop", props: prop.children.map((c) => ({ ns: c.ns, name: c.name })) };
  if (childrenNamed(root, "DAV:", "allprop").length > 0) return { kind: "allprop" };
  throw new DavStatus(400);
}

async function responseFor(dav: DavRequest, item: ResolvedPath, segments: string[], wanted: Wanted): Promise<string> {
  const all: PropValue[] = [...liveProps(item, pathKey(segments)), ...(await deadProps(dav.deps.db, item))];
  let found: PropValue[];
  let missing: PropName[] = [];
  if (wanted.kind === "allprop") found = all;
  else if (wanted.kind === "propname") found = all.map(({ ns, name }) => ({ ns, name, xml: "" }));
  else {
    found = [];
    for (const want of wanted.props) {
      const hit = all.find((p) => p.ns === want.ns && p.name === want.name);
      if (hit) found.push(hit);
      else missing.push(want);
    }
  }
  if (wanted.kind !== "prop") missing = [];
  const propstat = (props: string[], status: string) => (props.length === 0 ? "" : `<D:propstat><D:prop>${props.join("")}</D:prop><D:status>HTTP/1.1 ${status}</D:status></D:propstat>`);
  const href = davHref(segments, item.type !== "file");
  return `<D:response><D:href>${escapeXml(href)}</D:href>${propstat(found.map(propElement), "200 OK")}${propstat(missing.map((p) => propElement(p)), "404 Not Found")}</D:response>`;
}
