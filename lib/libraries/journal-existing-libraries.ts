import { appendJournal } from "@/lib/journal/append-journal";
import type { Db } from "@/lib/server/db";

/** Setting key: set once every library added before libraries were journaled has its `library.add`. */
const JOURNALED_KEY = "libraries.journaled";

/**
 * Libraries added before they were written to the decision journal get their `library.add` once
 * (a rebuild then knows their folders and scans them); afterwards one read. Idempotent: a
 * `library.add` applied again changes nothing.
 */
export async function journalExistingLibraries(db: Db): Promise<void> {
  if (await db.setting.findUnique({ where: { key: JOURNALED_KEY } })) return;
  await db.$transaction(async (tx) => {
    for (const l of await tx.library.findMany({ orderBy: { createdAt: "asc" } })) await appendJournal(tx, { op: "library.add", id: l.id, root: l.root, origin: l.origin });
    await tx.setting.upsert({ where: { key: JOURNALED_KEY }, create: { key: JOURNALED_KEY, value: "true" }, update: {} });
  });
}
