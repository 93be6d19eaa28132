import { z } from "zod";
import type { Db } from "@/lib/server/db";

const KEY = "importFolder.lastPoll";

const pollSchema = z.object({ folder: z.string(), at: z.string(), error: z.string().nullable(), files: z.number() });

/** What the worker's last look at the import folder found (kept in Setting for the settings screen). */
export type ImportFolderPoll = z.infer<typeof pollSchema>;

/** Records the last poll. */
export async function writeImportFolderPoll(db: Db, poll: ImportFolderPoll): Promise<void> {
  const value = JSON.stringify(poll);
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
}

/** The last poll recorded, or null (never polled, or an unreadable record). */
export async function readImportFolderPoll(db: Db): Promise<ImportFolderPoll | null> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const parsed = row ? pollSchema.safeParse(JSON.parse(row.value)) : null;
  return parsed?.success ? parsed.data : null;
}
