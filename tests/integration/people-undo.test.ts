/**
 * Undo of "merge people" and "move a face": the merged person comes back with its id, name and
 * faces (also after a rebuild from the originals and the journal); a moved face goes back to its
 * person, and a person the move made for it alone is removed.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestDeps } from "@/lib/assets/ingest-asset";
import { rebuildLibrary } from "@/lib/journal/rebuild-library";
import type { DetectedFace } from "@/lib/ml/faces/face-types";
import { YUNET_MODEL } from "@/lib/ml/faces/face-models";
import { mergePeople } from "@/lib/people/merge-people";
import { moveFace } from "@/lib/people/move-face";
import { restorePerson } from "@/lib/people/restore-person";
import { storeFaces } from "@/lib/people/store-faces";
import { updatePerson } from "@/lib/people/update-person";
import { openDb, type Db } from "@/lib/server/db";
import { ingestBytes, peopleState, photo } from "@/tests/support/library-state";
import { createTestLibrary, type TestLibrary } from "@/tests/support/test-library";

let lib: TestLibrary;
let db: Db;
const deps = (): IngestDeps => ({ db, paths: lib.paths, config: lib.config });
const shas: string[] = [];

function face(x: number, identity: number): DetectedFace {
  const embedding = new Float32Array(128);
  embedding[identity] = 1;
  return { box: { x, y: 100, width: 200, height: 200 }, score: 0.95, landmarks: [], embedding };
}
/** Ann on photos 0 and 1, Bob on photos 0 and 2. */
const detections: Record<number, DetectedFace[]> = { 0: [face(100, 1), face(500, 2)], 1: [face(120, 1)], 2: [face(520, 2)] };
const storeAll = async () => {
  for (const [i, faces] of Object.entries(detections)) {
    const asset = await db.asset.findUniqueOrThrow({ where: { sha256: shas[Number(i)]! } });
    await storeFaces({ db, databasePath: lib.paths.database }, { id: asset.id, width: 1000, height: 1000 }, faces, YUNET_MODEL);
  }
};
const personOf = async (sha: string, x: number) => (await db.face.findFirstOrThrow({ where: { asset: { sha256: sha }, x } })).personId!;

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  db = lib.db;
  for (let i = 0; i < 3; i += 1) shas.push((await ingestBytes(deps(), await photo(i + 1), `IMG_${i}.png`)).sha256);
  await storeAll();
  await updatePerson(db, await personOf(shas[0]!, 0.1), { name: "Ann" });
  await updatePerson(db, await personOf(shas[0]!, 0.5), { name: "Bob" });
});
afterAll(() => lib.cleanup());

describe("undo of people changes", () => {
  it("merge, then Undo: the merged person is back with its id, name and faces, and stays back after a rebuild", async () => {
    const before = await peopleState(db);
    const [ann, bob] = [await personOf(shas[0]!, 0.1), await personOf(shas[0]!, 0.5)];
    const undo = await mergePeople(db, bob, ann);
    expect((await peopleState(db)).map((p) => p.name)).toEqual(["Ann"]);
    await restorePerson(db, undo);
    expect(await peopleState(db)).toEqual(before);

    await db.$disconnect();
    const aside = fs.mkdtempSync(path.join(lib.paths.root, "..", "aside-"));
    for (const f of fs.readdirSync(lib.paths.root).filter((f) => f.startsWith("albums.db"))) fs.renameSync(path.join(lib.paths.root, f), path.join(aside, f));
    await rebuildLibrary(lib.config);
    db = await openDb(lib.paths.database);
    await storeAll();
    expect((await peopleState(db)).map(({ id, name, photos }) => ({ id, name, photos }))).toEqual(before.map(({ id, name, photos }) => ({ id, name, photos })));
  });

  it("a merge that gave its name to an unnamed person takes it back on Undo", async () => {
    const [ann, bob] = [await personOf(shas[0]!, 0.1), await personOf(shas[0]!, 0.5)];
    await updatePerson(db, ann, { name: null });
    const undo = await mergePeople(db, bob, ann);
    expect((await db.person.findUniqueOrThrow({ where: { id: ann } })).name).toBe("Bob");
    await restorePerson(db, undo);
    expect((await db.person.findUniqueOrThrow({ where: { id: ann } })).name).toBeNull();
    expect((await db.person.findUniqueOrThrow({ where: { id: bob } })).name).toBe("Bob");
    await updatePerson(db, ann, { name: "Ann" });
  });

  it("move a face to another person or out to a new one, then Undo: back in its person, the new person gone", async () => {
    const [ann, bob] = [await personOf(shas[1]!, 0.12), await personOf(shas[2]!, 0.52)];
    const faceId = (await db.face.findFirstOrThrow({ where: { asset: { sha256: shas[1]! } } })).id;
    const moved = await moveFace(db, faceId, bob);
    expect(await personOf(shas[1]!, 0.12)).toBe(bob);
    await restorePerson(db, moved.undo!);
    expect(await personOf(shas[1]!, 0.12)).toBe(ann);

    const alone = await moveFace(db, faceId, null);
    expect(await db.person.findUnique({ where: { id: alone.personId } })).not.toBeNull();
    await restorePerson(db, alone.undo!);
    expect(await personOf(shas[1]!, 0.12)).toBe(ann);
    expect(await db.person.findUnique({ where: { id: alone.personId } })).toBeNull();
  });
});
