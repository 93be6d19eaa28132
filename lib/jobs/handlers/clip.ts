import { toBytes } from "@/lib/ml/vector-bytes";
import type { JobHandler } from "@/lib/queue/handler";
import { readAnalysisImage } from "./analysis-image";
import { loadJobAsset } from "./load-job-asset";
import { missingModel, withClipEncoder } from "./ml-sessions";

/** The CLIP image embedding of a photo (or a video's poster), for meaning search and similar photos. */
export const clipJob: JobHandler = {
  kind: "clip",
  waitingFor: (ctx) => missingModel(ctx.config, "clip"),
  async run(ctx, job) {
    const loaded = await loadJobAsset(ctx, job);
    const image = await readAnalysisImage(ctx, loaded, "thumbnail");
    const { model, vector } = await withClipEncoder(ctx.config, async (encoder) => ({ model: encoder.modelId, vector: await encoder.embedImage(image) }));
    // Delete + create (not update) so the row gets a new seq and the server loads the new vector.
    await ctx.db.$transaction([
      ctx.db.embedding.deleteMany({ where: { assetId: loaded.asset.id } }),
      ctx.db.embedding.create({ data: { assetId: loaded.asset.id, model, vector: toBytes(vector) } }),
    ]);
  },
};
