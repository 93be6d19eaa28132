import type { Db } from "@/lib/server/db";
import { resolveUnder, type LibraryPaths } from "@/lib/server/paths";
import { probeRegularFile } from "@/lib/server/stat-regular-file";
import { jobKey } from "@/lib/queue/enqueue";
import { producerOf } from "@/lib/queue/kinds";
import { AppError } from "@/lib/errors";
import type { StoredFile } from "./open-original";

export type DerivativeLookup =
  | { state: "ready"; file: StoredFile }
  | { state: "pending" }
  | { state: "unavailable"; reason: string };

/**
 * A derived file of an asset (thumbnail, motion video): ready, still being made (its job is
 * pending/running), or unavailable with the reason (undecodable original, nothing embedded…).
 */
export async function openDerivative(db: Db, paths: LibraryPaths, id: string, kind: string): Promise<DerivativeLookup> {
  // The row first: a ready file (nearly every call: each thumbnail on screen) needs one query.
  const row = await db.derivative.findUnique({ where: { assetId_kind: { assetId: id, kind } } });
  if (row) {
    const file = resolveUnder(paths.derived, row.relPath);
    const probe = await probeRegularFile(file, paths.derived);
    if (probe.state === "present") return { state: "ready", file: { path: file, size: probe.size, mime: row.mime, etag: row.etag, fileName: `${kind}.${row.mime.split("/")[1]}` } };
    if (probe.state === "unavailable") return { state: "unavailable", reason: `The file cannot be read right now (${probe.code}).` };
  }
  const asset = await db.asset.findUnique({ where: { id }, select: { kind: true, decodeState: true, decodeError: true } });
  if (!asset) throw new AppError("not_found", "No such asset.");
  if (asset.decodeState === "undecodable") return { state: "unavailable", reason: `The original cannot be decoded: ${asset.decodeError ?? "unknown error"}` };
  const producer = producerOf(asset.kind, kind);
  const job = producer ? await db.job.findUnique({ where: { key: jobKey(producer, id) }, select: { status: true, lastError: true } }) : null;
  if (job && (job.status === "pending" || job.status === "running")) return { state: "pending" };
  if (job?.status === "failed") return { state: "unavailable", reason: job.lastError ?? "its job failed" };
  return { state: "unavailable", reason: producer ? "not generated" : `no ${kind} for a ${asset.kind}` };
}
