import { copyEntry } from "@/lib/files/copy-entry";
import { createFolder } from "@/lib/files/create-folder";
import { moveEntry } from "@/lib/files/move-entry";
import { resolvePath } from "@/lib/files/resolve-path";
import { trashEntry } from "@/lib/files/trash-entry";
import { checkWrite, DavStatus, header, parentOf, type DavRequest } from "./dav-context";
import { releaseLocksWithin } from "./dav-locks";
import { davSegments, pathKey } from "./dav-path";
import { copyDeadProps } from "./dav-props";
import { parentFolderId } from "./dav-write";

/**
 * COPY and MOVE (RFC 4918 §9.8–9.9) to the Destination header's path: 201 when the destination
 * was free, 204 when it replaced something (Overwrite: T, the default; what it replaced goes to
 * the trash), 412 with Overwrite: F onto an existing item, 409 without a destination parent, 403
 * onto itself or inside itself. COPY takes Depth 0 (a collection alone) or infinity; MOVE only
 * infinity. Dead properties travel with a move and are copied by a copy; locks stay behind.
 */
export async function davCopyMove(dav: DavRequest, method: "COPY" | "MOVE"): Promise<void> {
  const { item } = dav;
  if (!item) throw new DavStatus(404);
  if (item.type === "root") throw new DavStatus(403);
  const destination = header(dav.req, "destination");
  if (!destination) throw new DavStatus(400);
  const target = davSegments(destination);
  const targetKey = pathKey(target);
  if (target.length === 0 || targetKey === dav.key || (item.type === "folder" && targetKey.startsWith(`${dav.key}/`))) throw new DavStatus(403);
  const depth = dav.req.headers.depth ?? "infinity";
  if (method === "MOVE" ? depth !== "infinity" : depth !== "0" && depth !== "infinity") throw new DavStatus(400);
  const overwrite = (header(dav.req, "overwrite") ?? "T").toUpperCase() !== "F";
  const existing = await resolvePath(dav.deps.db, target);
  if (existing && !overwrite) throw new DavStatus(412);
  const folderId = await parentFolderId(dav, target);
  if (method === "MOVE") await checkWrite(dav, dav.key, { within: true, parentKey: parentOf(dav.segments)!.key });
  await checkWrite(dav, targetKey, { within: existing !== null, parentKey: existing ? null : parentOf(target)!.key });
  const name = target.at(-1)!;
  const ref = { type: item.type, id: item.id };
  if (method === "MOVE") {
    await moveEntry(dav.deps.db, { ref, folderId, name, replace: true });
    releaseLocksWithin(dav.key);
  } else if (item.type === "folder" && depth === "0") {
    if (existing && existing.type !== "root") await trashEntry(dav.deps.db, { type: existing.type, id: existing.id });
    const copy = await createFolder(dav.deps.db, { parentId: folderId, name });
    await dav.deps.db.$transaction((tx) => copyDeadProps(tx, item, copy));
  } else {
    const copy = await copyEntry(dav.deps.db, { ref, folderId, name, replace: true });
    await dav.deps.db.$transaction((tx) => copyDeadProps(tx, item, copy));
  }
  if (existing) releaseLocksWithin(targetKey);
  dav.res.writeHead(existing ? 204 : 201, { "Content-Length": "0" });
  dav.res.end();
}
