import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import { faceRefs } from "@/lib/journal/face-refs";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";

export const updatePersonBody = z.object({
  name: z.string().trim().max(100).nullable().optional(),
  hidden: z.boolean().optional(),
}).refine((b) => b.name !== undefined || b.hidden !== undefined, "give `name` and/or `hidden`");

/**
 * Names (or un-names) and hides/shows a person; their photos become findable by the name. A name
 * given or cleared here is the owner's (nameSource "owner"): Takeout names never replace it.
 */
export async function updatePerson(db: Db, id: string, body: z.infer<typeof updatePersonBody>): Promise<void> {
  await db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id }, select: { faces: { select: { assetId: true } } } });
    if (!person) throw new AppError("not_found", "No such person.");
    await tx.person.update({ where: { id }, data: { ...(body.name !== undefined ? { name: body.name || null, nameSource: "owner" } : {}), ...(body.hidden !== undefined ? { hidden: body.hidden } : {}) } });
    await markSearchStale(tx, [...new Set(person.faces.map((f) => f.assetId))]);
    await appendJournal(tx, { op: "person.update", id, name: body.name === undefined ? undefined : body.name || null, hidden: body.hidden, faces: await faceRefs(tx, { personId: id }) });
  });
}
