import { fitSize, PREVIEW_SECONDS, PREVIEW_SIDE, previewArgs } from "@/lib/media/video-rendition-args";
import type { JobHandler } from "@/lib/queue/handler";
import { loadVideoSource, makeVideoDerivative } from "./make-video-derivative";

/** The short silent clip the grid plays on hover or long press. */
export const videoPreviewJob: JobHandler = {
  kind: "video-preview",
  async run(ctx, job) {
    const source = await loadVideoSource(ctx, job);
    if (!source) return;
    await makeVideoDerivative(ctx, job, source, "preview", {
      args: (file) => previewArgs(source.path, file, source.facts, source.zscale),
      durationMs: Math.min(PREVIEW_SECONDS * 1000, source.facts.durationMs ?? PREVIEW_SECONDS * 1000),
      size: fitSize(source.facts.width, source.facts.height, PREVIEW_SIDE),
    });
  },
};
