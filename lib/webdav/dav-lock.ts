import { putFile } from "@/lib/files/put-file";
import { Readable } from "node:stream";
import { checkWrite, DavStatus, header, ifHolds, parentOf, readSmallBody, sendXml, xmlDocument, type DavRequest } from "./dav-context";
import { findLock, lockTimeout, refreshLock, releaseLock, takeLock, locksCovering } from "./dav-locks";
import { activeLockXml } from "./dav-props";
import { childrenNamed, parseXml } from "./dav-xml";
import { parentFolderId } from "./dav-write";
import { submittedTokens } from "./if-header";

/**
 * LOCK (RFC 4918 §9.10): a new exclusive or shared write lock (depth 0 or infinity) answered with
 * its lockdiscovery and Lock-Token; 423 when a conflicting lock is held. On an unmapped URL it
 * creates an empty file (201). Without a body it refreshes the lock named in the If header.
 */
export async function davLock(dav: DavRequest): Promise<void> {
  const body = await readSmallBody(dav.req);
  const timeout = lockTimeout(header(dav.req, "timeout"));
  if (!body.trim()) {
    const token = dav.ifLists ? submittedTokens(dav.ifLists).find((t) => findLock(t)) : undefined;
    const lock = token ? findLock(token) : undefined;
    if (!lock || !locksCovering(dav.key).includes(lock) || !(await ifHolds(dav))) throw new DavStatus(412);
    refreshLock(lock, timeout);
    return sendXml(dav.res, 200, xmlDocument(`<D:prop xmlns:D="DAV:"><D:lockdiscovery>${activeLockXml(lock)}</D:lockdiscovery></D:prop>`));
  }
  const info = parseXml(body);
  if (info.ns !== "DAV:" || info.name !== "lockinfo") throw new DavStatus(400);
  const scope = childrenNamed(info, "DAV:", "lockscope")[0]?.children[0]?.name;
  if (scope !== "exclusive" && scope !== "shared") throw new DavStatus(400);
  const owner = childrenNamed(info, "DAV:", "owner")[0];
  const depthHeader = dav.req.headers.depth ?? "infinity";
  if (depthHeader !== "0" && depthHeader !== "infinity") throw new DavStatus(400);
  if (dav.ifLists && !(await ifHolds(dav))) throw new DavStatus(412);
  let created = false;
  if (!dav.item) {
    const folderId = await parentFolderId(dav);
    await checkWrite(dav, dav.key, { parentKey: parentOf(dav.segments)!.key });
    await putFile(dav.deps, { folderId, name: dav.segments.at(-1)!, body: Readable.from([]), client: "webdav", source: "webdav", onExisting: "fail" });
    created = true;
  }
  const lock = takeLock({
    root: dav.key, depth: dav.item?.type === "file" ? "0" : depthHeader, scope, timeoutSeconds: timeout,
    ownerXml: owner ? `<D:owner xmlns:D="DAV:"${Object.entries(owner.scope).filter(([p]) => p !== "" && p !== "xml" && p !== "D").map(([p, uri]) => ` xmlns:${p}="${uri.replace(/"/g, "&quot;")}"`).join("")}>${owner.inner}</D:owner>` : "",
  });
  if (!lock) throw new DavStatus(423);
  sendXml(dav.res, created ? 201 : 200, xmlDocument(`<D:prop xmlns:D="DAV:"><D:lockdiscovery>${activeLockXml(lock)}</D:lockdiscovery></D:prop>`), { "Lock-Token": `<${lock.token}>` });
}

/** UNLOCK: releases the lock named in Lock-Token (204); 409 when it does not lock this resource. */
export function davUnlock(dav: DavRequest): void {
  const token = /^<(.+)>$/.exec(header(dav.req, "lock-token")?.trim() ?? "")?.[1];
  if (!token) throw new DavStatus(400);
  const lock = findLock(token);
  if (!lock || !locksCovering(dav.key).includes(lock)) throw new DavStatus(409);
  releaseLock(token);
  dav.res.writeHead(204, { "Content-Length": "0" });
  dav.res.end();
}
