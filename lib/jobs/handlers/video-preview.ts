import { PREVIEW_SECONDS, previewArgs } from "@/lib/media/video-rendition-args";
import type { JobHandler } from "@/lib/queue/handler";
import { loadVideoSource, makeVideoDerivative } from "./make-video-derivative";

/** The short silent clip the grid plays on hover or long press. */
export const videoPreviewJob: JobHandler = {
  kind: "video-preview",
  async run(ctx, job) {
    const source = await loadVideoSource(ctx, job);
    if (!source) return;
    const outputMs = Math.min(PREVIEW_SECONDS * 1000, source.facts.durationMs ?? PREVIEW_SECONDS * 1000);
    await makeVideoDerivative(ctx, job, source, "preview", (output) => previewArgs(source.path, output, source.facts, source.zscale), outputMs);
  },
};
