import { markUndecodable, storeThumbnails } from "@/lib/assets/store-derivatives";
import { storeAssetHash } from "@/lib/duplicates/store-asset-hash";
import { isRawMime } from "@/lib/media/detect-type";
import { openImage } from "@/lib/media/image-source";
import { turnImage } from "@/lib/media/turn-image";
import { renderThumbnails } from "@/lib/media/render-thumbnails";
import { queueEnrichment } from "../queue-enrichment";
import { type JobHandler, PermanentJobError } from "@/lib/queue/handler";
import { isFileFault, loadJobAsset } from "./load-job-asset";

/** Photo thumbnails (sm, md) and placeholder, turned as the owner turned the photo; an undecodable photo is flagged, kept, and not retried. */
export const thumbnailJob: JobHandler = {
  kind: "thumbnail",
  async run(ctx, job) {
    const { asset, file } = await loadJobAsset(ctx, job);
    let rendered;
    try {
      const edit = await ctx.db.assetEdit.findUnique({ where: { assetId: asset.id }, select: { rotation: true } });
      const upright = await openImage({ path: file, mime: asset.mimeType, raw: isRawMime(asset.mimeType), orientation: asset.orientation }, ctx.config.maxPixels);
      const image = await turnImage(upright, edit?.rotation ?? 0);
      rendered = await renderThumbnails(image);
    } catch (error) {
      if (!isFileFault(error)) throw error;
      await markUndecodable(ctx.db, asset.id, (error as Error).message);
      throw new PermanentJobError(`undecodable: ${(error as Error).message}`, { cause: error });
    }
    await storeThumbnails(ctx.db, ctx.paths, asset, rendered);
    await storeAssetHash(ctx.db, asset.id, rendered.perceptualHash);
    await queueEnrichment(ctx.db, asset, ctx.config.enrichment);
  },
};
