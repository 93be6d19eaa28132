import { reverseGeocode } from "@/lib/places/reverse-geocode";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { JobHandler } from "@/lib/queue/handler";
import { loadJobAsset } from "./load-job-asset";

/** Names the town, region and country of a photo's GPS position (offline); no position, no place. */
export const placesJob: JobHandler = {
  kind: "places",
  async run(ctx, job) {
    const { asset } = await loadJobAsset(ctx, job);
    if (asset.latitude === null || asset.longitude === null) {
      await ctx.db.assetPlace.deleteMany({ where: { assetId: asset.id } });
      return;
    }
    const place = reverseGeocode(asset.latitude, asset.longitude);
    await ctx.db.$transaction(async (tx) => {
      await tx.assetPlace.upsert({ where: { assetId: asset.id }, create: { assetId: asset.id, ...place }, update: place });
      await markSearchStale(tx, [asset.id]);
    });
  },
};
