import type { Db } from "@/lib/server/db";

/**
 * Where an asset lives in the external libraries, for `GET /api/assets/{id}`: its first location
 * not flagged missing (in an online library when there is one, seen by its last scan first), the path relative to the library
 * root, and whether that library is available now. Null for an asset no library holds.
 */
export async function libraryLocation(db: Db, assetId: string): Promise<{ id: string; path: string; available: boolean } | null> {
  const files = await db.libraryFile.findMany({
    where: { assetId, missingSince: null },
    select: { relPath: true, library: { select: { id: true, state: true } } },
    orderBy: [{ missingScans: "asc" }, { id: "asc" }],
  });
  const best = files.find((f) => f.library.state === "online") ?? files[0];
  return best ? { id: best.library.id, path: best.relPath, available: best.library.state === "online" } : null;
}
