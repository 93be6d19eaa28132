import type { Db } from "@/lib/server/db";
import { resolveUnder, type LibraryPaths } from "@/lib/server/paths";
import { statRegularFile } from "@/lib/server/stat-regular-file";
import { jobKey } from "@/lib/jobs/queue";
import type { JobKind } from "@/lib/jobs/kinds";
import { AppError } from "@/lib/errors";
import type { StoredFile } from "./open-original";

export type DerivativeLookup =
  | { state: "ready"; file: StoredFile }
  | { state: "pending" }
  | { state: "unavailable"; reason: string };

const PRODUCERS: Record<string, Record<string, JobKind>> = {
  photo: { "thumb-sm": "thumbnail", "thumb-md": "thumbnail", "motion-video": "motion-video" },
  video: { "thumb-sm": "video-poster", "thumb-md": "video-poster" },
  document: { "thumb-sm": "document-text", "thumb-md": "document-text" },
};

/** The derivative kinds an asset of `assetKind` can have. */
export function derivativeKinds(assetKind: string): string[] {
  return Object.keys(PRODUCERS[assetKind] ?? {});
}

/** The job that makes derivative `kind` for an asset of `assetKind`, if any. */
export function producerOf(assetKind: string, kind: string): JobKind | undefined {
  return PRODUCERS[assetKind]?.[kind];
}

/**
 * A derived file of an asset (thumbnail, motion video): ready, still being made (its job is
 * pending/running), or unavailable with the reason (undecodable original, nothing embedded…).
 */
export async function openDerivative(db: Db, paths: LibraryPaths, id: string, kind: string): Promise<DerivativeLookup> {
  const asset = await db.asset.findUnique({
    where: { id },
    select: { kind: true, decodeState: true, decodeError: true, derivatives: { where: { kind } } },
  });
  if (!asset) throw new AppError("not_found", "No such asset.");
  const row = asset.derivatives[0];
  if (row) {
    const file = resolveUnder(paths.derived, row.relPath);
    const size = await statRegularFile(file, paths.derived);
    if (size !== null) return { state: "ready", file: { path: file, size, mime: row.mime, etag: row.etag, fileName: `${kind}.${row.mime.split("/")[1]}` } };
  }
  if (asset.decodeState === "undecodable") return { state: "unavailable", reason: `The original cannot be decoded: ${asset.decodeError ?? "unknown error"}` };
  const producer = producerOf(asset.kind, kind);
  const job = producer ? await db.job.findUnique({ where: { key: jobKey(producer, id) }, select: { status: true, lastError: true } }) : null;
  if (job && (job.status === "pending" || job.status === "running")) return { state: "pending" };
  if (job?.status === "failed") return { state: "unavailable", reason: job.lastError ?? "its job failed" };
  return { state: "unavailable", reason: producer ? "not generated" : `no ${kind} for a ${asset.kind}` };
}
