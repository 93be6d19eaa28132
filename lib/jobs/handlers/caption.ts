import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { JobHandler } from "@/lib/queue/handler";
import { readAnalysisImage } from "./analysis-image";
import { loadJobAsset } from "./load-job-asset";
import { missingModel, withCaptioner } from "./ml-sessions";

/** A one-sentence caption from the local captioning model or the owner's own endpoint, for search. */
export const captionJob: JobHandler = {
  kind: "caption",
  waitingFor: (ctx) => missingModel(ctx.config, "caption"),
  async run(ctx, job) {
    const loaded = await loadJobAsset(ctx, job);
    const image = await readAnalysisImage(ctx, loaded, "thumbnail");
    const row = await withCaptioner(ctx.config, async (captioner) => ({ text: await captioner.caption(image), model: captioner.id }));
    await ctx.db.$transaction(async (tx) => {
      await tx.caption.upsert({ where: { assetId: loaded.asset.id }, create: { assetId: loaded.asset.id, ...row }, update: row });
      await markSearchStale(tx, [loaded.asset.id]);
    });
  },
};
