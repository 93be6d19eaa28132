import sharp from "sharp";
import { markUndecodable, storeThumbnails } from "@/lib/assets/store-derivatives";
import { extractPosterFrame } from "@/lib/media/probe-video";
import { renderThumbnails } from "@/lib/media/render-thumbnails";
import { queueEnrichment } from "../queue-enrichment";
import { type JobHandler, PermanentJobError } from "@/lib/queue/handler";
import { loadJobAsset } from "./load-job-asset";

/** A video's poster frame (via ffmpeg) rendered into the same thumbnails as photos. */
export const videoPosterJob: JobHandler = {
  kind: "video-poster",
  async run(ctx, job) {
    const { asset, file } = await loadJobAsset(ctx, job);
    let frame: Buffer;
    try {
      frame = await extractPosterFrame(file, ctx.config.ffmpeg, asset.durationMs ?? undefined);
    } catch (error) {
      // ffmpeg missing (ENOENT) is the box's problem, not the file's: retry with backoff.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`ffmpeg not found (${ctx.config.ffmpeg}); install it`);
      await markUndecodable(ctx.db, asset.id, `ffmpeg: ${(error as Error).message}`);
      throw new PermanentJobError(`undecodable video: ${(error as Error).message}`, { cause: error });
    }
    await storeThumbnails(ctx.db, ctx.paths, asset, await renderThumbnails(sharp(frame)));
    await queueEnrichment(ctx.db, asset, ctx.config.enrichment);
  },
};
