import type { AssetEdit } from "@/lib/generated/prisma/client";
import type { DbTx } from "@/lib/server/db";
import { snapshotFiles } from "@/lib/files/snapshot-files";
import { faceRefs } from "./face-refs";
import type { DatedOp } from "./journal-files";

const TOLD_CAPTURE = ["client", "filename", "upload"];

/**
 * Every decision the database holds, as journal ops that re-create it on a library re-listed from
 * its originals: names and sources (the primary first), capture times the bytes cannot tell,
 * favourite/archive/trash/description, Takeout's places, device folders and people hints, Drive
 * folders, edited copies, Live Photo pairs, albums with their members and dates, named, hidden or hand-placed
 * people with their faces, photos marked "not duplicates", the Files tree, and the external libraries (first). Each op keeps the date of the decision.
 */
export async function snapshotDecisions(tx: DbTx): Promise<DatedOp[]> {
  const ops: DatedOp[] = [];
  for (const library of await tx.library.findMany({ orderBy: { createdAt: "asc" } })) ops.push({ op: "library.add", id: library.id, root: library.root, origin: library.origin, at: library.createdAt.toISOString() });
  const assets = await tx.asset.findMany({
    select: {
      id: true, sha256: true, originalName: true, source: true, createdAt: true, capturedAt: true, capturedAtSource: true, timeZone: true,
      favorite: true, archived: true, trashedAt: true, description: true, origin: true, folder: true, latitude: true, longitude: true, altitude: true,
      edit: true, editedFrom: { select: { sha256: true } }, liveVideo: { select: { video: { select: { sha256: true } } } }, names: { select: { name: true, source: true, createdAt: true } }, peopleHints: { select: { name: true } },
    },
  });
  for (const edited of assets) {
    const a = originalValues(edited);
    const at = a.createdAt.toISOString();
    const capture = TOLD_CAPTURE.includes(a.capturedAtSource) ? { capturedAt: a.capturedAt.toISOString(), capturedAtSource: a.capturedAtSource, timeZone: a.timeZone } : {};
    ops.push({ op: "asset.ingest", sha256: a.sha256, name: a.originalName, source: a.source, ...capture, at });
    for (const n of a.names) if (n.name !== a.originalName || n.source !== a.source) ops.push({ op: "asset.ingest", sha256: a.sha256, name: n.name, source: n.source, at: n.createdAt.toISOString() });
    if (a.favorite || a.archived || a.trashedAt || a.description) {
      ops.push({ op: "asset.update", sha256s: [a.sha256], favorite: a.favorite, archived: a.archived, trashed: a.trashedAt !== null, description: a.description, at: (a.trashedAt ?? a.createdAt).toISOString() });
    }
    // A position may have come from a sidecar, not the bytes: kept (applied only where the bytes have none).
    const gps = a.latitude !== null && a.longitude !== null ? { gps: { latitude: a.latitude, longitude: a.longitude, altitude: a.altitude, source: "geoData" as const } } : null;
    if (a.origin || a.peopleHints.length > 0 || gps) {
      ops.push({ op: "asset.takeout", sha256: a.sha256, sidecar: { ...gps, favorite: false, archived: false, trashed: false, people: a.peopleHints.map((h) => h.name), ...(a.origin ? { origin: a.origin } : {}) }, intoTrash: false, namePlaces: true, at });
    }
    if (a.folder) ops.push({ op: "asset.folder", sha256: a.sha256, folder: a.folder, at });
    if (a.editedFrom) ops.push({ op: "asset.edited-from", sha256: a.sha256, fromSha256: a.editedFrom.sha256, at });
    if (a.liveVideo) ops.push({ op: "asset.live-pair", sha256: a.sha256, videoSha256: a.liveVideo.video.sha256, at });
    const edit = a.edit;
    if (edit && (edit.rotation || edit.capturedAt || edit.latitude !== null)) {
      ops.push({
        op: "asset.edit",
        sha256: a.sha256,
        ...(edit.rotation ? { rotation: edit.rotation } : {}),
        ...(edit.capturedAt ? { capture: { at: edit.capturedAt.toISOString(), timeZone: edit.timeZone ?? "UTC" } } : {}),
        ...(edit.latitude !== null && edit.longitude !== null ? { location: { latitude: edit.latitude, longitude: edit.longitude } } : {}),
        at: edit.updatedAt.toISOString(),
      });
    }
  }
  for (const album of await tx.album.findMany({ include: { assets: { select: { addedAt: true, asset: { select: { sha256: true } } } } } })) {
    const at = album.createdAt.toISOString();
    ops.push({ op: "album.create", id: album.id, title: album.title, description: album.description, source: album.source, sourceKey: album.sourceKey, date: album.date?.toISOString() ?? null, sha256s: [], at });
    for (const m of album.assets) ops.push({ op: "album.add", id: album.id, sha256s: [m.asset.sha256], at: m.addedAt.toISOString() });
    const cover = album.coverAssetId ? assets.find((a) => a.id === album.coverAssetId)?.sha256 : undefined;
    ops.push({ op: "album.update", id: album.id, sort: album.sort, ...(cover ? { coverSha256: cover } : {}), at: album.updatedAt.toISOString() });
  }
  for (const person of await tx.person.findMany({ select: { id: true, name: true, hidden: true, updatedAt: true, faces: { where: { pinned: true }, select: { id: true }, take: 1 } } })) {
    if (!person.name && !person.hidden && person.faces.length === 0) continue; // clustering alone made it: it will again
    ops.push({ op: "person.update", id: person.id, name: person.name, hidden: person.hidden, faces: await faceRefs(tx, { personId: person.id }), at: person.updatedAt.toISOString() });
  }
  for (const pair of await tx.notDuplicate.findMany()) ops.push({ op: "duplicates.dismiss", sha256s: [pair.shaA, pair.shaB], at: pair.createdAt.toISOString() });
  ops.push(...(await snapshotFiles(tx)));
  return ops;
}

/** An asset with the original's capture time and position where the owner edited them (the edit op follows). */
function originalValues<A extends { capturedAt: Date; capturedAtSource: string; timeZone: string | null; latitude: number | null; longitude: number | null; edit: AssetEdit | null }>(a: A): A {
  const edit = a.edit;
  if (!edit) return a;
  return {
    ...a,
    ...(edit.capturedAt && edit.wasCapturedAt ? { capturedAt: edit.wasCapturedAt, capturedAtSource: edit.wasCaptureSource ?? "upload", timeZone: edit.wasTimeZone } : {}),
    ...(edit.latitude !== null ? { latitude: edit.wasLatitude, longitude: edit.wasLongitude } : {}),
  };
}
