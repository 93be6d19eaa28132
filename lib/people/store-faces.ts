import { randomUUID } from "node:crypto";
import { ensurePerson, hintFor, takeFaceHints } from "@/lib/journal/face-refs";
import { isClusterableFace } from "@/lib/ml/faces/is-clusterable-face";
import { type FaceModel, YUNET_MODEL } from "@/lib/ml/faces/face-models";
import type { DetectedFace } from "@/lib/ml/faces/face-types";
import { addFace, matchPerson, personOf, type PersonFaces } from "@/lib/ml/faces/match-person";
import { iou } from "@/lib/ml/faces/suppress-overlaps";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import { namePeopleFromTakeout } from "./name-people-from-takeout";
import { type Db, readConnection } from "@/lib/server/db";
import { fromBytes, toBytes } from "@/lib/ml/vector-bytes";

let queue: Promise<unknown> = Promise.resolve();

/**
 * Stores the faces found on a photo by `model`'s pipeline and clusters them into people
 * incrementally, at that pipeline's operating points: a confident, large-enough face joins the person it matches (mean similarity, see matchPerson) or starts a new
 * one; two faces of one photo never join the same person; small or doubtful faces are kept
 * unassigned. The photo's people are then named from Takeout where most of their faces agree
 * (namePeopleFromTakeout). Re-running replaces the photo's faces, except those the owner placed by hand
 * (pinned), which are never moved; a detection overlapping a pinned face is dropped. Runs one at a
 * time (in-process queue, and an immediate transaction across processes) so two photos of a new
 * person cannot both start one.
 */
export function storeFaces({ db, databasePath }: { db: Db; databasePath: string }, asset: { id: string; width: number; height: number }, faces: DetectedFace[], model: FaceModel): Promise<void> {
  const run = queue.then(() => store(db, databasePath, asset, faces, model));
  queue = run.catch(() => {});
  return run;
}

async function store(db: Db, databasePath: string, asset: { id: string; width: number; height: number }, faces: DetectedFace[], model: FaceModel): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.face.deleteMany({ where: { assetId: asset.id, pinned: false } });
    const pinned = await tx.face.findMany({ where: { assetId: asset.id }, select: { x: true, y: true, width: true, height: true, personId: true } });
    const people = peopleOf(databasePath, asset.id, model);
    const taken = new Set(pinned.map((p) => p.personId));
    const hints = await takeFaceHints(tx, await tx.asset.findUniqueOrThrow({ where: { id: asset.id }, select: { sha256: true } }));
    for (const face of faces) {
      const box = { x: face.box.x / asset.width, y: face.box.y / asset.height, width: face.box.width / asset.width, height: face.box.height / asset.height };
      if (pinned.some((p) => iou(p, box) > 0.5)) continue;
      // The owner's decision about this face, kept by the journal across a rebuild (face-refs.ts).
      const hint = hintFor(hints, box);
      let personId: string | null = hint?.personId ?? null;
      if (hint) {
        taken.add(hint.personId);
        await ensurePerson(tx, hint.personId);
      } else if (isClusterableFace(face, model.minClusterScore)) {
        personId = matchPerson(face.embedding, [...people.values()].filter((p) => !taken.has(p.id)), { threshold: model.matchThreshold })?.personId ?? null;
        if (!personId) {
          personId = randomUUID();
          await tx.person.create({ data: { id: personId } });
          people.set(personId, personOf(personId));
        }
        addFace(people.get(personId)!, face.embedding);
        taken.add(personId);
      }
      await tx.face.create({ data: { id: randomUUID(), assetId: asset.id, ...box, score: face.score, embedding: toBytes(face.embedding), model: model.id, personId, pinned: Boolean(hint) } });
    }
    await markSearchStale(tx, [asset.id]);
    const clustered = await tx.face.findMany({ where: { assetId: asset.id, personId: { not: null } }, select: { personId: true } });
    await namePeopleFromTakeout(tx, [...new Set(clustered.map((f) => f.personId!))]);
  });
}

/**
 * Every person with faces of this pipeline (embeddings of different pipelines are not comparable;
 * faces stored before the column existed are YuNet's), as embedding sums, read on the read connection (a library's faces are
 * tens of thousands of rows: summed as they stream, no object per face). It runs inside store()'s
 * write transaction, so it sees the latest commit — apart from this transaction's own deletion of
 * the photo's unpinned faces, which it leaves out itself.
 */
function peopleOf(databasePath: string, assetId: string, model: FaceModel): Map<string, PersonFaces> {
  const rows = readConnection(databasePath).prepare(
    `SELECT "personId", "embedding" FROM "Face" WHERE "personId" IS NOT NULL AND NOT ("assetId" = ? AND "pinned" = 0) AND coalesce("model", '${YUNET_MODEL.id}') = ?`,
  );
  const people = new Map<string, PersonFaces>();
  for (const row of rows.iterate(assetId, model.id) as Iterable<{ personId: string; embedding: Buffer }>) {
    let person = people.get(row.personId);
    if (!person) people.set(row.personId, (person = personOf(row.personId)));
    addFace(person, fromBytes(row.embedding));
  }
  return people;
}
