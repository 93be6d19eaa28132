import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import { faceRefs } from "@/lib/journal/face-refs";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";
import type { PersonRestore } from "./restore-person";

/**
 * Merges person `from` into `into`: every face moves (and is pinned there, so clustering keeps
 * the owner's decision), `into` keeps its name or takes `from`'s, and `from` is deleted. Returns
 * what an Undo gives to restorePerson.
 */
export async function mergePeople(db: Db, from: string, into: string): Promise<PersonRestore> {
  if (from === into) throw new AppError("bad_request", "A person cannot be merged into themselves.");
  return db.$transaction(async (tx) => {
    const [source, target] = await Promise.all([tx.person.findUnique({ where: { id: from } }), tx.person.findUnique({ where: { id: into } })]);
    if (!source || !target) throw new AppError("not_found", "No such person.");
    const faces = await tx.face.findMany({ where: { personId: from }, select: { id: true, assetId: true } });
    await appendJournal(tx, { op: "person.merge", from, into, faces: await faceRefs(tx, { personId: from }) });
    await tx.face.updateMany({ where: { personId: from }, data: { personId: into, pinned: true } });
    if (!target.name && source.name) await tx.person.update({ where: { id: into }, data: { name: source.name, nameSource: source.nameSource } });
    await tx.person.delete({ where: { id: from } });
    await markSearchStale(tx, [...new Set(faces.map((f) => f.assetId))]);
    const renamed = !target.name && source.name ? { id: into, name: target.name } : null;
    return { id: from, name: source.name, nameSource: source.nameSource, hidden: source.hidden, faceIds: faces.map((f) => f.id), renamed };
  });
}
