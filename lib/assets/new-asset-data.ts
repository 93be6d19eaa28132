import { jobCreateData } from "@/lib/queue/enqueue";
import { jobsForNewAsset } from "@/lib/queue/kinds";
import type { DescribedBytes } from "./describe-bytes";

/** The Prisma create of a new asset with its first name and its analysis jobs (uploads and external libraries). */
export function newAssetData(id: string, bytes: { sha256: string; size: number }, described: DescribedBytes, origin: { fileName: string; source: string }) {
  const { type, metadata } = described;
  return {
    id, sha256: bytes.sha256, kind: type.kind, mimeType: type.mime, ext: type.ext, size: BigInt(bytes.size),
    originalName: origin.fileName, source: origin.source, ...metadata,
    names: { create: { name: origin.fileName, source: origin.source } },
    jobs: { create: jobsForNewAsset(type.kind, type.mime, type.ext).map((kind) => jobCreateData({ kind, assetId: id })) },
  };
}
