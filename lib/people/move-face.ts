import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import { faceRefs } from "@/lib/journal/face-refs";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";
import type { PersonRestore } from "./restore-person";

export const moveFaceBody = z.object({ personId: z.string().min(1).max(100).nullable() });

/**
 * Fixes a wrong face: moves it to another person, or (personId null) out into a new person of
 * its own. The face is pinned — re-running face detection or clustering never moves it back.
 * A person left without faces is removed. Returns the face's person, and what an Undo gives to
 * restorePerson (null when the face had no person).
 */
export async function moveFace(db: Db, faceId: string, personId: string | null): Promise<{ personId: string; undo: PersonRestore | null }> {
  return db.$transaction(async (tx) => {
    const face = await tx.face.findUnique({ where: { id: faceId } });
    if (!face) throw new AppError("not_found", "No such face.");
    let target = personId;
    if (target) {
      if (!(await tx.person.findUnique({ where: { id: target } }))) throw new AppError("not_found", "No such person.");
    } else {
      target = randomUUID();
      await tx.person.create({ data: { id: target } });
    }
    const before = face.personId ? await tx.person.findUnique({ where: { id: face.personId } }) : null;
    await tx.face.update({ where: { id: faceId }, data: { personId: target, pinned: true } });
    if (face.personId && (await tx.face.count({ where: { personId: face.personId } })) === 0) await tx.person.delete({ where: { id: face.personId } });
    await markSearchStale(tx, [face.assetId]);
    await appendJournal(tx, { op: "face.move", face: (await faceRefs(tx, { id: faceId }))[0]!, personId: target });
    const undo = before ? { id: before.id, name: before.name, nameSource: before.nameSource, hidden: before.hidden, faceIds: [faceId], renamed: null } : null;
    return { personId: target, undo };
  });
}
