import type { Asset } from "@/lib/generated/prisma/client";
import { originalPath } from "@/lib/server/paths";
import { type JobContext, PermanentJobError } from "@/lib/queue/handler";
import type { JobRow } from "@/lib/queue/claim";

/** The asset a job is about and the path of its original; a vanished asset fails the job for good. */
export async function loadJobAsset(ctx: JobContext, job: JobRow): Promise<{ asset: Asset; file: string }> {
  const asset = job.assetId ? await ctx.db.asset.findUnique({ where: { id: job.assetId } }) : null;
  if (!asset) throw new PermanentJobError(`asset ${job.assetId ?? "?"} no longer exists`);
  return { asset, file: originalPath(ctx.paths, asset.sha256, asset.ext) };
}

/** Errors from decoders carry no errno; I/O errors (disk full, EIO) do and are worth retrying. */
export function isFileFault(error: unknown): boolean {
  return !(error as NodeJS.ErrnoException | undefined)?.code;
}
