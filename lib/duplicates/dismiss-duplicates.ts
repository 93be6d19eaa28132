import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import type { Db } from "@/lib/server/db";
import { rememberNotDuplicates } from "./remember-not-duplicates";

export const dismissDuplicatesBody = z.object({ ids: z.array(z.string().min(1).max(100)).min(2).max(200) });

/**
 * The owner's "not duplicates" for a group: its photos are never grouped with each other again
 * (remembered by content hash and journaled, so it survives a rebuild). Unknown ids are a 404.
 */
export async function dismissDuplicates(db: Db, body: z.infer<typeof dismissDuplicatesBody>): Promise<{ dismissed: number }> {
  const ids = [...new Set(body.ids)];
  return db.$transaction(async (tx) => {
    const sha256s = (await tx.asset.findMany({ where: { id: { in: ids } }, select: { sha256: true } })).map((a) => a.sha256);
    if (sha256s.length !== ids.length) throw new AppError("not_found", "Some of these photos do not exist.");
    await rememberNotDuplicates(tx, sha256s);
    await appendJournal(tx, { op: "duplicates.dismiss", sha256s });
    return { dismissed: ids.length };
  });
}
