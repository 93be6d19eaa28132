import type { Db } from "@/lib/server/db";

/** A library as `GET /api/libraries` reports it, with the progress of a scan under way. */
export type LibraryView = {
  id: string;
  root: string;
  origin: string;
  state: "online" | "stale";
  reason: string | null;
  /** Files indexed (with an asset) and not flagged missing. */
  files: number;
  missing: number;
  lastScanAt: string | null;
  lastScanMs: number | null;
  scan: { seen: number; new: number; changed: number; filesPerSecond: number; etaSeconds: number | null; startedAt: string } | null;
};

/** Every external library, its state, its files and the progress of its scan (rate and ETA from the files known). */
export async function listLibraries(db: Db, now = new Date()): Promise<LibraryView[]> {
  const libraries = await db.library.findMany({ orderBy: { root: "asc" } });
  const counts = await db.$queryRaw<{ libraryId: string; files: bigint; missing: bigint; known: bigint }[]>`
    SELECT "libraryId", SUM("assetId" IS NOT NULL AND "missingSince" IS NULL) AS files, SUM("missingSince" IS NOT NULL) AS missing, COUNT(*) AS known FROM "LibraryFile" GROUP BY "libraryId"`;
  const byId = new Map(counts.map((c) => [c.libraryId, c]));
  return libraries.map((l) => {
    const count = byId.get(l.id);
    const elapsed = l.scanStartedAt ? Math.max(1, (now.getTime() - l.scanStartedAt.getTime()) / 1000) : 0;
    const rate = l.scanStartedAt ? l.scanSeen / elapsed : 0;
    const left = Math.max(0, Number(count?.known ?? 0) - l.scanSeen);
    return {
      id: l.id, root: l.root, origin: l.origin, state: l.state === "stale" ? "stale" : "online", reason: l.stateReason,
      files: Number(count?.files ?? 0), missing: Number(count?.missing ?? 0),
      lastScanAt: l.lastScanAt?.toISOString() ?? null, lastScanMs: l.lastScanMs,
      scan: l.scanStartedAt ? { seen: l.scanSeen, new: l.scanNew, changed: l.scanChanged, filesPerSecond: Math.round(rate * 10) / 10, etaSeconds: rate > 0 && count ? Math.round(left / rate) : null, startedAt: l.scanStartedAt.toISOString() } : null,
    };
  });
}
