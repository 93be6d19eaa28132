import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";

/** Asks the worker to scan a library now (it looks every few seconds). */
export async function requestLibraryScan(db: Db, id: string): Promise<void> {
  const updated = await db.library.updateMany({ where: { id }, data: { scanRequested: true } });
  if (updated.count === 0) throw new AppError("not_found", "No such library.");
}
