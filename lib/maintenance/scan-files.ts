import { derivativeKinds, jobsForNewAsset, producerOf, type JobKind } from "@/lib/queue/kinds";
import { enqueueJob } from "@/lib/queue/enqueue";
import type { Db } from "@/lib/server/db";
import { LIBRARY_ID_KEY } from "@/lib/server/open-library";
import { locateOriginal } from "@/lib/libraries/locate-original";
import { resolveUnder, type LibraryPaths } from "@/lib/server/paths";
import { type FileProbe, probeRegularFile } from "@/lib/server/stat-regular-file";
import { checkVolume, type VolumeCheck } from "./check-volume";
import { SCAN_STATUS_KEY, type ScanStatus } from "./read-scan-status";

export type ScanResult = { volume: VolumeCheck; checked: number; missing: string[]; unavailable: string[]; reappeared: number; derivativesRequeued: number };

type AssetRow = { id: string; sha256: string; ext: string; kind: string; mimeType: string; fileState: string; derivatives: { kind: string; relPath: string }[] };
/** `original` null: the library scans decide (an external-library asset not readable from here now). */
type Looked = { asset: AssetRow; original: FileProbe | null; derived: { kind: string; probe: FileProbe }[] };

/**
 * Missing-file scan (docs/reliability.md scenario 24). A fault is not an absence: only ENOENT on a
 * volume that is otherwise healthy (checkVolume, before and after each batch) flags an original
 * `missing` (never deleted, so a restore can bring it back); an original that cannot be read
 * (EIO, EACCES, ESTALE…) is `unavailable`; with the volume itself unavailable nothing is flagged
 * and nothing changes. An original that is back is `ok` again, and the derived files it lacks are
 * made again. A derived file gone from disk loses its row, and its job runs again once the
 * original is there. Assets whose bytes live only in external libraries are left to the library
 * scans (lib/libraries), which know whether a library is there at all; their derived files are
 * checked here as any other. The outcome is recorded for the health panel (readScanStatus).
 */
export async function scanFiles(db: Db, paths: LibraryPaths, now = new Date()): Promise<ScanResult> {
  const libraryId = (await db.setting.findUnique({ where: { key: LIBRARY_ID_KEY } }))?.value ?? null;
  const result: ScanResult = { volume: await checkVolume(paths, libraryId), checked: 0, missing: [], unavailable: [], reappeared: 0, derivativesRequeued: 0 };
  let cursor: string | undefined;
  while (result.volume.state === "ok") {
    const batch = await db.asset.findMany({
      where: cursor ? { id: { gt: cursor } } : {},
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, sha256: true, ext: true, kind: true, mimeType: true, fileState: true, derivatives: { select: { kind: true, relPath: true } } },
    });
    if (batch.length === 0) break;
    const external = new Set((await db.libraryFile.findMany({ where: { assetId: { in: batch.map((a) => a.id) } }, select: { assetId: true } })).map((f) => f.assetId));
    const looked: Looked[] = [];
    for (const asset of batch) looked.push(await look(db, paths, asset, external.has(asset.id)));
    // An unmount or a dying disk during the batch turns ENOENTs into nothing to conclude.
    result.volume = await checkVolume(paths, libraryId);
    if (result.volume.state !== "ok") break;
    for (const entry of looked) await apply(db, entry, result);
    cursor = batch.at(-1)!.id;
  }
  await recordStatus(db, result, now);
  return result;
}

async function look(db: Db, paths: LibraryPaths, asset: AssetRow, inLibrary: boolean): Promise<Looked> {
  const derived = [];
  for (const d of asset.derivatives) derived.push({ kind: d.kind, probe: await probeRegularFile(resolveUnder(paths.derived, d.relPath), paths.derived) });
  const located = await locateOriginal(db, paths, asset);
  // Not in custody and (also) in a library: its library's scan decides missing; here it is as it was.
  const original: FileProbe | null = located.state === "present" ? { state: "present", size: located.size } : inLibrary ? null : located.state === "unavailable" ? located : { state: "absent" };
  return { asset, original, derived };
}

async function apply(db: Db, { asset, original, derived }: Looked, result: ScanResult): Promise<void> {
  result.checked += 1;
  if (!original) return;
  const state = original.state === "present" ? (asset.fileState === "corrupt" ? "corrupt" : "ok") : original.state === "absent" ? "missing" : "unavailable";
  if (state !== asset.fileState) await db.asset.update({ where: { id: asset.id }, data: { fileState: state } });
  if (state === "missing") result.missing.push(asset.id);
  if (state === "unavailable") result.unavailable.push(asset.id);
  const present = original.state === "present";
  const producers = new Set<JobKind>();
  for (const d of derived) {
    if (d.probe.state !== "absent") continue;
    await db.derivative.delete({ where: { assetId_kind: { assetId: asset.id, kind: d.kind } } });
    result.derivativesRequeued += 1;
    const producer = producerOf(asset.kind, d.kind);
    if (producer) producers.add(producer);
  }
  if (present && (asset.fileState === "missing" || asset.fileState === "unavailable")) {
    result.reappeared += 1;
    // Derived files that vanished with the original (their rows went in an earlier scan).
    const kept = new Set(derived.filter((d) => d.probe.state !== "absent").map((d) => d.kind));
    const expected = jobsForNewAsset(asset.kind as Parameters<typeof jobsForNewAsset>[0], asset.mimeType, asset.ext);
    for (const kind of derivativeKinds(asset.kind)) {
      const producer = producerOf(asset.kind, kind);
      if (!kept.has(kind) && producer && expected.includes(producer)) producers.add(producer);
    }
  }
  if (present) for (const kind of producers) await enqueueJob(db, { kind, assetId: asset.id });
}

async function recordStatus(db: Db, result: ScanResult, now: Date): Promise<void> {
  const status: ScanStatus = {
    at: now.toISOString(),
    volume: result.volume.state,
    reason: result.volume.state === "ok" ? null : result.volume.reason,
    checked: result.checked,
    missing: result.missing.length,
    unavailable: result.unavailable.length,
    reappeared: result.reappeared,
    derivativesRequeued: result.derivativesRequeued,
  };
  const value = JSON.stringify(status);
  await db.setting.upsert({ where: { key: SCAN_STATUS_KEY }, create: { key: SCAN_STATUS_KEY, value }, update: { value } });
}
