import { markUndecodable, storeThumbnails } from "@/lib/assets/store-derivatives";
import { openImage } from "@/lib/media/image-source";
import { renderThumbnails } from "@/lib/media/render-thumbnails";
import { queueEnrichment } from "../queue-enrichment";
import { type JobHandler, PermanentJobError } from "../handler";
import { isFileFault, loadJobAsset } from "./load-job-asset";

/** Camera RAW formats: decoded through their embedded preview. */
export const RAW_EXTENSIONS = ["dng", "cr2", "cr3", "nef", "arw", "raf", "rw2", "orf"];

/** Photo thumbnails (sm, md) and placeholder; an undecodable photo is flagged, kept, and not retried. */
export const thumbnailJob: JobHandler = {
  kind: "thumbnail",
  async run(ctx, job) {
    const { asset, file } = await loadJobAsset(ctx, job);
    let rendered;
    try {
      const image = await openImage({ path: file, mime: asset.mimeType, raw: RAW_EXTENSIONS.includes(asset.ext), orientation: asset.orientation }, ctx.config.maxPixels);
      rendered = await renderThumbnails(image);
    } catch (error) {
      if (!isFileFault(error)) throw error;
      await markUndecodable(ctx.db, asset.id, (error as Error).message);
      throw new PermanentJobError(`undecodable: ${(error as Error).message}`, { cause: error });
    }
    await storeThumbnails(ctx.db, ctx.paths, asset, rendered);
    await queueEnrichment(ctx.db, asset, ctx.config.enrichment);
  },
};
