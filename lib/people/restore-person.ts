import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import { faceRefs } from "@/lib/journal/face-refs";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";

/** A person as it was before a merge or a face move: what Undo puts back (mergePeople and moveFace return it). */
export const personRestore = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(200).nullable(),
  nameSource: z.string().max(20).nullable(),
  hidden: z.boolean(),
  faceIds: z.array(z.string().min(1).max(100)).min(1).max(20_000),
  /** The person a merge gave its name to, and that person's name before. */
  renamed: z.object({ id: z.string().min(1).max(100), name: z.string().max(200).nullable() }).nullable(),
});

export type PersonRestore = z.infer<typeof personRestore>;

/**
 * Undoes a merge or a face move: the person comes back with its id, name and hidden flag (created
 * again if the change removed it), its faces move back to it (pinned), a person the change gave
 * its name to gets its own back, and a person left with no face is removed. Journaled as the
 * owner's decisions (person.update), so a rebuild keeps the undo. Faces that no longer exist are
 * skipped; none left: not_found.
 */
export async function restorePerson(db: Db, restore: PersonRestore): Promise<void> {
  await db.$transaction(async (tx) => {
    const faces = await tx.face.findMany({ where: { id: { in: restore.faceIds } }, select: { id: true, assetId: true, personId: true } });
    if (faces.length === 0) throw new AppError("not_found", "These faces no longer exist.");
    await tx.person.upsert({ where: { id: restore.id }, create: { id: restore.id, name: restore.name, nameSource: restore.nameSource, hidden: restore.hidden }, update: { name: restore.name, nameSource: restore.nameSource, hidden: restore.hidden } });
    await tx.face.updateMany({ where: { id: { in: faces.map((f) => f.id) } }, data: { personId: restore.id, pinned: true } });
    if (restore.renamed) await tx.person.updateMany({ where: { id: restore.renamed.id }, data: { name: restore.renamed.name } });
    const left = [...new Set(faces.flatMap((f) => (f.personId && f.personId !== restore.id ? [f.personId] : [])))];
    for (const id of left) if (id !== restore.renamed?.id && (await tx.face.count({ where: { personId: id } })) === 0) await tx.person.delete({ where: { id } });
    await markSearchStale(tx, [...new Set(faces.map((f) => f.assetId))]);
    await appendJournal(tx, { op: "person.update", id: restore.id, name: restore.name, hidden: restore.hidden, faces: await faceRefs(tx, { personId: restore.id }) });
    if (restore.renamed) await appendJournal(tx, { op: "person.update", id: restore.renamed.id, name: restore.renamed.name, faces: [] });
  });
}
