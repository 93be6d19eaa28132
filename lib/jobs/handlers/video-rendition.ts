import { renditionReasons } from "@/lib/media/rendition-rule";
import { fitSize, renditionArgs } from "@/lib/media/video-rendition-args";
import type { JobHandler } from "@/lib/queue/handler";
import { loadVideoSource, makeVideoDerivative } from "./make-video-derivative";

/**
 * A web-playable rendition (H.264/AAC MP4) of a video, or of a Motion Photo's clip, that browsers
 * cannot reliably play as is (lib/media/rendition-rule.ts); nothing for one that plays. The
 * original is only read. One at a time (declared concurrency 1), niced, lowest priority.
 */
export const videoRenditionJob: JobHandler = {
  kind: "video-rendition",
  async run(ctx, job) {
    const source = await loadVideoSource(ctx, job);
    if (!source) return;
    const reasons = renditionReasons(source.facts, ctx.config.video.resolution);
    if (reasons.length === 0) return;
    ctx.log.info("making a video rendition", { assetId: source.asset.id, reasons });
    const options = { ...ctx.config.video, zscale: source.zscale };
    await makeVideoDerivative(ctx, job, source, "rendition", {
      args: (file) => renditionArgs(source.path, file, source.facts, options),
      durationMs: source.facts.durationMs,
      size: fitSize(source.facts.width, source.facts.height, options.resolution),
    });
  },
};
