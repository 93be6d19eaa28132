import type { Db } from "@/lib/server/db";

export const SCAN_STATUS_KEY = "maintenance.scanStatus";

/**
 * The outcome of the last missing-file scan, for the health panel: whether the library volume
 * answered ("unavailable" with the reason when it did not, in which case nothing was flagged) and
 * how many originals are missing (ENOENT on a healthy volume) or unavailable (EIO, EACCES…).
 */
export type ScanStatus = {
  at: string;
  volume: "ok" | "unavailable";
  reason: string | null;
  checked: number;
  missing: number;
  unavailable: number;
  reappeared: number;
  derivativesRequeued: number;
};

/** The last scan's status, or null before the first scan. */
export async function readScanStatus(db: Db): Promise<ScanStatus | null> {
  const row = await db.setting.findUnique({ where: { key: SCAN_STATUS_KEY } });
  return row ? (JSON.parse(row.value) as ScanStatus) : null;
}
