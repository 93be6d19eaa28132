import type { Asset } from "@/lib/generated/prisma/client";
import { locateOriginal } from "@/lib/libraries/locate-original";
import { type JobContext, PermanentJobError } from "@/lib/queue/handler";
import type { JobRow } from "@/lib/queue/claim";

/**
 * The asset a job is about and the path of its original (in custody or an external library,
 * lib/libraries/locate-original.ts); a vanished asset fails the job for good. An original that is
 * offline (its library stale) or unreadable throws a retryable error: the job runs again later,
 * and the library scan re-arms its failed jobs when the library is back.
 */
export async function loadJobAsset(ctx: JobContext, job: JobRow): Promise<{ asset: Asset; file: string }> {
  const asset = job.assetId ? await ctx.db.asset.findUnique({ where: { id: job.assetId } }) : null;
  if (!asset) throw new PermanentJobError(`asset ${job.assetId ?? "?"} no longer exists`);
  const located = await locateOriginal(ctx.db, ctx.paths, asset);
  if (located.state === "offline") throw new Error(`the external library ${located.libraryId} holding this original is offline`);
  if (located.state === "unavailable") throw new Error(`the original cannot be read right now (${located.code})`);
  return { asset, file: located.path };
}

/** Errors from decoders carry no errno; I/O errors (disk full, EIO) do and are worth retrying. */
export function isFileFault(error: unknown): boolean {
  return !(error as NodeJS.ErrnoException | undefined)?.code;
}
