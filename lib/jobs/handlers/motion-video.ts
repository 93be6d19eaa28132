import fs from "node:fs/promises";
import { storeDerivatives } from "@/lib/assets/store-derivatives";
import { findEmbeddedVideo, xmpVideoOffset } from "@/lib/media/motion-photo";
import { enqueueJob } from "@/lib/queue/enqueue";
import type { JobHandler } from "@/lib/queue/handler";
import { loadJobAsset } from "./load-job-asset";

/** Splits the MP4 of a Samsung/Google Motion Photo out of its still into a linked derived video. */
export const motionVideoJob: JobHandler = {
  kind: "motion-video",
  async run(ctx, job) {
    const { asset, file } = await loadJobAsset(ctx, job);
    const bytes = await fs.readFile(file);
    const metadata = asset.metadataJson ? (JSON.parse(asset.metadataJson) as Record<string, unknown>) : {};
    const video = findEmbeddedVideo(bytes, xmpVideoOffset(metadata));
    if (!video) return;
    const data = bytes.subarray(video.offset, video.offset + video.length);
    await storeDerivatives(ctx.db, ctx.paths, asset, [{ kind: "motion-video", fileName: "motion.mp4", mime: "video/mp4", data }]);
    await ctx.db.asset.update({ where: { id: asset.id }, data: { motionPhoto: true } });
    await enqueueJob(ctx.db, { kind: "video-rendition", assetId: asset.id });
  },
};
