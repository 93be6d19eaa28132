import { toBytes } from "@/lib/ml/vector-bytes";
import type { JobHandler } from "../handler";
import { readAnalysisImage } from "./analysis-image";
import { loadJobAsset } from "./load-job-asset";
import { clipEncoder, missingModel } from "./ml-sessions";

/** The CLIP image embedding of a photo (or a video's poster), for meaning search and similar photos. */
export const clipJob: JobHandler = {
  kind: "clip",
  waitingFor: (ctx) => missingModel(ctx.config, "clip"),
  async run(ctx, job) {
    const loaded = await loadJobAsset(ctx, job);
    const encoder = await clipEncoder(ctx.config);
    const vector = await encoder.embedImage(await readAnalysisImage(ctx, loaded, "thumbnail"));
    // Delete + create (not update) so the row gets a new seq and the server loads the new vector.
    await ctx.db.$transaction([
      ctx.db.embedding.deleteMany({ where: { assetId: loaded.asset.id } }),
      ctx.db.embedding.create({ data: { assetId: loaded.asset.id, model: encoder.modelId, vector: toBytes(vector) } }),
    ]);
  },
};
