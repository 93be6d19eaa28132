import { iou } from "@/lib/ml/faces/suppress-overlaps";
import { sqlTime, type DbTx } from "@/lib/server/db";
import type { FaceRef } from "./journal-entry";

// Faces are re-detected by the worker after a rebuild, with new ids: a decision about a face is kept
// as (photo's SHA-256, box) and re-attached to the detected face that overlaps it (IoU > 0.5). A
// decision whose photo has no faces yet waits in a Setting row `faces.hint.<sha256>` until the faces
// job stores that photo's faces (takeFaceHints).

const HINT_PREFIX = "faces.hint.";
const SAME_FACE = 0.5;
/** A person's faces kept in one entry (the most confident first); enough to find the cluster again. */
const MAX_REFS = 500;

export type FaceHint = { box: FaceRef["box"]; personId: string };

/** The faces of these face ids or of this person, as journal references. */
export async function faceRefs(tx: DbTx, where: { personId: string } | { id: string }): Promise<FaceRef[]> {
  const faces = await tx.face.findMany({ where, select: { x: true, y: true, width: true, height: true, asset: { select: { sha256: true } } }, orderBy: [{ pinned: "desc" }, { score: "desc" }], take: MAX_REFS });
  return faces.map((f) => ({ sha256: f.asset.sha256, box: { x: f.x, y: f.y, width: f.width, height: f.height } }));
}

/**
 * Puts these faces on `personId` (created if missing), pinned: a detected face overlapping the
 * reference moves now; a photo without detected faces keeps a hint for its faces job.
 */
export async function pinFaces(tx: DbTx, refs: FaceRef[], personId: string): Promise<void> {
  if (refs.length === 0) return;
  await ensurePerson(tx, personId);
  const bySha = new Map<string, FaceRef["box"][]>();
  for (const ref of refs) bySha.set(ref.sha256, [...(bySha.get(ref.sha256) ?? []), ref.box]);
  const assets = await tx.asset.findMany({ where: { sha256: { in: [...bySha.keys()] } }, select: { id: true, sha256: true, faces: { select: { id: true, x: true, y: true, width: true, height: true } } } });
  for (const asset of assets) {
    const boxes = bySha.get(asset.sha256)!;
    if (asset.faces.length === 0) {
      await addHints(tx, asset.sha256, boxes.map((box) => ({ box, personId })));
      continue;
    }
    const ids = asset.faces.filter((f) => boxes.some((box) => iou(f, box) > SAME_FACE)).map((f) => f.id);
    if (ids.length > 0) await tx.face.updateMany({ where: { id: { in: ids } }, data: { personId, pinned: true } });
  }
}

/** Creates the person (no name) if it does not exist: a journaled decision keeps its person's id. */
export async function ensurePerson(tx: DbTx, id: string): Promise<void> {
  const now = sqlTime(new Date());
  await tx.$executeRaw`INSERT OR IGNORE INTO "Person" ("id", "hidden", "createdAt", "updatedAt") VALUES (${id}, 0, ${now}, ${now})`;
}

/** Hints waiting for this photo's faces (removed: the caller stores them as pinned faces). */
export async function takeFaceHints(tx: DbTx, asset: { sha256: string }): Promise<FaceHint[]> {
  const key = HINT_PREFIX + asset.sha256;
  const row = await tx.setting.findUnique({ where: { key } });
  if (!row) return [];
  await tx.setting.delete({ where: { key } });
  return JSON.parse(row.value) as FaceHint[];
}

/** The hint matching a detected face's box, if any. */
export function hintFor(hints: FaceHint[], box: FaceRef["box"]): FaceHint | undefined {
  return hints.find((h) => iou(h.box, box) > SAME_FACE);
}

async function addHints(tx: DbTx, sha256: string, hints: FaceHint[]): Promise<void> {
  const key = HINT_PREFIX + sha256;
  const row = await tx.setting.findUnique({ where: { key } });
  // A later decision about the same face replaces the earlier one.
  const kept = ((row ? JSON.parse(row.value) : []) as FaceHint[]).filter((old) => !hints.some((h) => iou(h.box, old.box) > SAME_FACE));
  const value = JSON.stringify([...kept, ...hints]);
  await tx.$executeRaw`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (${key}, ${value}, ${sqlTime(new Date())}) ON CONFLICT("key") DO UPDATE SET "value" = excluded."value"`;
}
