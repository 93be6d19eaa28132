import type { OffDiskCoverage } from "@/lib/backup/read-off-disk-coverage";
import type { Db } from "@/lib/server/db";
import { applyCustodyVerdict, type CustodyCheck } from "./apply-custody-verdict";
import { entryKey } from "./catalogue-parts";
import type { ImportPlan, ImportSource } from "./import-source";

export type ReportItem = { part: string; path: string; kind: string; status: string; assetId: string | null; sha256: string | null; reason: string | null; sidecar: string | null };
export type PartTotals = { part: string; entries: number; byKind: Record<string, number>; byStatus: Record<string, number> };
export type AlbumCheck = { folder: string; title: string; expected: number; present: number; missing: string[] };

export type TakeoutReport = {
  runId: string;
  /** which kind of export (reports stored before iCloud imports existed have none: Takeout) */
  source?: ImportSource["name"];
  createdAt: string;
  /** Accounted for and every original in a verified backup off this disk (see applyCustodyVerdict). */
  safeToDelete: boolean;
  /** Why it is not safe yet (empty when it is): the import's own blockers, then custody's. */
  blockers: string[];
  /** Every entry accounted for and every album whole (the import's own half of the verdict). */
  accounted?: boolean;
  importBlockers?: string[];
  custody?: CustodyCheck;
  /** `duplicate`: already in the library, of which `updated` had metadata or albums changed by this export. */
  totals: { entries: number; imported: number; duplicate: number; updated?: number; skipped: number; failed: number; pending: number };
  parts: PartTotals[];
  /** Every media and Drive entry: imported (asset, sha256), duplicate of (asset), or not imported with the reason. */
  items: ReportItem[];
  unmatchedMedia: string[];
  albums: AlbumCheck[];
};

/** How a duplicate's reason starts when this export changed something about it (counted as "updated"). */
export const UPDATED_PREFIX = "already in the library; updated from this export: ";

const count = (list: string[]) => list.reduce<Record<string, number>>((acc, key) => ({ ...acc, [key]: (acc[key] ?? 0) + 1 }), {});

/**
 * The verification report of a run: per-part totals that add up to each archive's entry count,
 * every media/Drive entry's fate (already there, or updated by this export), photos without
 * metadata, and an album-by-album membership check.
 * Accounted for when no entry is pending or failed and every album is whole; "safe to delete from
 * Google" also needs every original in a verified backup off this disk (`coverage`).
 */
export async function buildTakeoutReport(db: Db, runId: string, source: ImportSource["name"], plan: ImportPlan, coverage: OffDiskCoverage): Promise<TakeoutReport> {
  const rows = await db.importEntry.findMany({ where: { runId }, orderBy: { id: "asc" } });
  const parts = [...new Set(rows.map((r) => r.part))].map((part) => {
    const mine = rows.filter((r) => r.part === part);
    return { part, entries: mine.length, byKind: count(mine.map((r) => r.kind)), byStatus: count(mine.filter((r) => r.kind === "media" || r.kind === "drive").map((r) => r.status)) };
  });
  const items = rows.filter((r) => r.kind === "media" || r.kind === "drive").map((r) => ({ part: r.part, path: r.path, kind: r.kind, status: r.status, assetId: r.assetId, sha256: r.sha256, reason: r.reason, sidecar: r.sidecar }));
  const statuses = count(items.map((i) => i.status));
  const assetOf = new Map(rows.filter((r) => r.assetId).map((r) => [entryKey(r.part, r.path), r.assetId!]));
  const albums: AlbumCheck[] = [];
  for (const [key] of plan.albums) {
    const album = await db.album.findUnique({ where: { sourceKey: `${source}:${key}` }, include: { assets: { select: { assetId: true } } } });
    const expected = new Set([...plan.media].filter(([, m]) => m.albums.includes(key)).map(([entry]) => assetOf.get(entry)).filter((id): id is string => !!id));
    if (expected.size === 0) continue; // none of its photos imported (all left out, e.g. trashed)
    const present = new Set(album?.assets.map((a) => a.assetId) ?? []);
    albums.push({ folder: key, title: album?.title ?? plan.albums.get(key)!.title, expected: expected.size, present: [...expected].filter((id) => present.has(id)).length, missing: [...expected].filter((id) => !present.has(id)) });
  }
  const importBlockers = [
    ...(statuses.pending ? [`${statuses.pending} entries not processed yet`] : []),
    ...(statuses.failed ? [`${statuses.failed} entries failed (see items with status "failed"); fix the cause and run the import again`] : []),
    ...albums.filter((a) => a.missing.length > 0).map((a) => `album "${a.title}" is missing ${a.missing.length} photo(s)`),
  ];
  return applyCustodyVerdict({
    runId,
    source,
    createdAt: new Date().toISOString(),
    safeToDelete: false,
    blockers: importBlockers,
    importBlockers,
    totals: { entries: rows.length, imported: statuses.imported ?? 0, duplicate: statuses.duplicate ?? 0, updated: items.filter((i) => i.reason?.startsWith(UPDATED_PREFIX)).length, skipped: statuses.skipped ?? 0, failed: statuses.failed ?? 0, pending: statuses.pending ?? 0 },
    parts,
    items,
    unmatchedMedia: plan.unmatched.map((key) => key.replace("\u0000", "/")),
    albums,
  }, coverage);
}
