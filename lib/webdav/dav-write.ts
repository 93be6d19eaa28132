import { createFolder } from "@/lib/files/create-folder";
import { putFile } from "@/lib/files/put-file";
import { trashEntry } from "@/lib/files/trash-entry";
import { checkWrite, DavStatus, parentOf, type DavRequest } from "./dav-context";
import { releaseLocksWithin } from "./dav-locks";
import { DAV_METHODS } from "./dav-read";
import { resolvePath } from "@/lib/files/resolve-path";

/** The live folder id a new member at the target goes into (null = root); 409 when the parent is missing. */
export async function parentFolderId(dav: DavRequest, segments = dav.segments): Promise<string | null> {
  const parent = parentOf(segments);
  if (!parent) throw new DavStatus(405);
  const found = await resolvePath(dav.deps.db, parent.segments);
  if (!found || found.type === "file") throw new DavStatus(409);
  return found.type === "root" ? null : found.id;
}

/**
 * PUT: the body streamed through the durable ingest path (lib/files/putFile), answered 201
 * (created) or 204 (overwritten: the old content is kept as a version) with the ETag only once
 * the bytes and the entry are durable. 409 without a parent folder, 405 onto a collection,
 * If-Match / If-None-Match honoured (412).
 */
export async function davPut(dav: DavRequest): Promise<void> {
  if (dav.item && dav.item.type !== "file") throw new DavStatus(405, { Allow: DAV_METHODS });
  const folderId = await parentFolderId(dav);
  const ifMatch = dav.req.headers["if-match"];
  const ifNoneMatch = dav.req.headers["if-none-match"];
  const etag = dav.item?.type === "file" ? dav.item.etag : null;
  if ((ifMatch && (!etag || (ifMatch.trim() !== "*" && !ifMatch.split(",").some((t) => t.trim() === etag)))) || (ifNoneMatch && etag && (ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => t.trim() === etag)))) {
    throw new DavStatus(412);
  }
  await checkWrite(dav, dav.key, { parentKey: dav.item ? null : parentOf(dav.segments)!.key });
  const { entry, created } = await putFile(dav.deps, { folderId, name: dav.segments.at(-1)!, body: dav.req, client: "webdav", source: "webdav" });
  dav.res.writeHead(created ? 201 : 204, { ETag: entry.etag, "Content-Length": "0" });
  dav.res.end();
}

/** MKCOL: a new folder (201); 405 where something exists, 409 without a parent, 415 with a body. */
export async function davMkcol(dav: DavRequest): Promise<void> {
  const hasBody = Number(dav.req.headers["content-length"] ?? 0) > 0 || dav.req.headers["transfer-encoding"] !== undefined;
  if (hasBody) {
    dav.req.resume();
    throw new DavStatus(415);
  }
  if (dav.item) throw new DavStatus(405, { Allow: DAV_METHODS });
  const parentId = await parentFolderId(dav);
  await checkWrite(dav, dav.key, { parentKey: parentOf(dav.segments)!.key });
  await createFolder(dav.deps.db, { parentId, name: dav.segments.at(-1)! });
  dav.res.writeHead(201, { "Content-Length": "0" });
  dav.res.end();
}

/** DELETE: the folder (with everything under it) or file goes to the trash (204); the root cannot. */
export async function davDelete(dav: DavRequest): Promise<void> {
  if (!dav.item) throw new DavStatus(404);
  if (dav.item.type === "root") throw new DavStatus(403);
  await checkWrite(dav, dav.key, { within: true, parentKey: parentOf(dav.segments)!.key });
  await trashEntry(dav.deps.db, { type: dav.item.type, id: dav.item.id });
  releaseLocksWithin(dav.key);
  dav.res.writeHead(204, { "Content-Length": "0" });
  dav.res.end();
}
