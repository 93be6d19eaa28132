import { runScheduledBackups } from "@/lib/backup/run-scheduled-backups";
import { purgeTrash } from "@/lib/assets/purge-trash";
import type { JobContext } from "@/lib/queue/handler";
import { journalDirOf } from "@/lib/journal/journal-files";
import { COMPACT_AFTER_BYTES, compactJournal } from "@/lib/journal/compact-journal";
import { notifyOwner } from "@/lib/notify/notify-owner";
import { refreshPlannerStatistics } from "@/lib/server/db";
import { expireUploads } from "@/lib/uploads/cancel-upload";
import { scanFiles } from "./scan-files";
import { scrubOriginals } from "./scrub-originals";
import { sweepOrphans } from "./sweep-orphans";

const SCAN_EVERY_MS = 10 * 60_000;
const LAST_SCAN_KEY = "maintenance.lastScan";

/**
 * One maintenance tick of the worker (idempotent, rate-limited): every 10 minutes the missing-file
 * scan and, when it found the volume healthy, expiry of abandoned resumable uploads, the trash
 * purge (after `trashDays`) and the custody sweep (orphan originals adopted, never deleted); each
 * tick a scrub slice within the per-minute byte budget; the automatic backups and their
 * verification when due (failures recorded and retried); journal compaction past its size; the
 * owner's notifications (lib/notify/notify-owner.ts), when a channel is configured.
 */
export async function maintenanceTick(ctx: JobContext, elapsedMs: number, now = new Date()): Promise<void> {
  const { db, paths, config, log } = ctx;
  await refreshPlannerStatistics(db);
  if (await compactJournal(db, journalDirOf(paths.database), { minBytes: COMPACT_AFTER_BYTES })) log.info("compacted the journal into a snapshot");
  const lastScan = await db.setting.findUnique({ where: { key: LAST_SCAN_KEY } });
  if (!lastScan || now.getTime() - new Date(lastScan.value).getTime() >= SCAN_EVERY_MS) {
    const scan = await scanFiles(db, paths, now);
    if (scan.volume.state !== "ok") log.warn("library volume unavailable: nothing flagged, nothing deleted (check the disk or mount)", { reason: scan.volume.reason });
    if (scan.missing.length > 0) log.warn("originals missing from disk (restore them from a backup)", { count: scan.missing.length, assets: scan.missing.slice(0, 20) });
    if (scan.unavailable.length > 0) log.warn("originals unreadable (disk error or permissions; not flagged missing)", { count: scan.unavailable.length, assets: scan.unavailable.slice(0, 20) });
    if (scan.derivativesRequeued > 0) log.info("derived files missing; regenerating", { count: scan.derivativesRequeued });
    // Nothing is removed while the volume does not answer (docs/reliability.md scenario 24).
    if (scan.volume.state === "ok") {
      const expired = await expireUploads(db, paths, now);
      if (expired > 0) log.info("removed abandoned resumable uploads", { count: expired });
      if (config.trashDays > 0) {
        const purge = await purgeTrash({ db, paths }, { trashedBefore: new Date(now.getTime() - config.trashDays * 86_400_000) });
        if (purge.purged > 0) log.info("purged the trash", { ...purge, afterDays: config.trashDays });
      }
      const sweep = await sweepOrphans({ db, paths, config }, { now });
      if (sweep.state === "cancelled") log.warn("orphan sweep cancelled", { reason: sweep.reason });
      else if (sweep.adopted.length + sweep.quarantined.length > 0) log.warn("originals without a row found", { adopted: sweep.adopted.length, quarantined: sweep.quarantined });
    }
    const value = now.toISOString();
    await db.setting.upsert({ where: { key: LAST_SCAN_KEY }, create: { key: LAST_SCAN_KEY, value }, update: { value } });
  }
  if (config.scrubBytesPerMinute > 0) {
    const scrub = await scrubOriginals(db, paths, (config.scrubBytesPerMinute * elapsedMs) / 60_000);
    if (scrub.corrupt.length > 0) log.error("bit rot: originals no longer match their SHA-256 (restore them from a backup)", { assets: scrub.corrupt });
    if (scrub.changed.length > 0) log.warn("external-library files whose bytes changed without a new size or mtime: their libraries are scanned again (re-analysed)", { assets: scrub.changed });
    if (scrub.unavailable.length > 0) log.warn("originals unreadable while scrubbing (disk error or permissions; not called corrupt)", { assets: scrub.unavailable });
  }
  await runScheduledBackups(ctx, { now });
  const notified = await notifyOwner(ctx, now);
  for (const failed of notified.results.filter((r) => !r.ok)) log.warn("could not notify the owner", { channel: failed.channel, error: failed.error });
}
