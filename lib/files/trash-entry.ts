import type { Db } from "@/lib/server/db";
import { trashItem, type ItemRef } from "./files-tree";

/**
 * Moves a live folder (with everything under it) or file to the trash. Its assets follow into the
 * gallery's trash only when nothing else keeps them (another live entry, a kept version, the
 * gallery for photos and videos); from there only the owner's purge or the trash days remove
 * bytes (lib/assets/purge-trash.ts), and restoreEntry brings it all back until then.
 */
export async function trashEntry(db: Db, ref: ItemRef, now = new Date()): Promise<void> {
  await db.$transaction((tx) => trashItem(tx, ref, now));
}
