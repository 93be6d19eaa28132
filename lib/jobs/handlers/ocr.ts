import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { JobHandler } from "@/lib/queue/handler";
import { readAnalysisImage } from "./analysis-image";
import { loadJobAsset } from "./load-job-asset";
import { withTextReader } from "./ml-sessions";

/** Reads the text printed in a photo (PP-OCRv4) and stores it, with line boxes, for search. */
export const ocrJob: JobHandler = {
  kind: "ocr",
  async run(ctx, job) {
    const loaded = await loadJobAsset(ctx, job);
    const image = await readAnalysisImage(ctx, loaded, "full");
    const result = await withTextReader(ctx.config, (reader) => reader.read(image));
    const row = { text: result.text, lines: JSON.stringify(result.lines) };
    await ctx.db.$transaction(async (tx) => {
      await tx.ocrText.upsert({ where: { assetId: loaded.asset.id }, create: { assetId: loaded.asset.id, ...row }, update: row });
      await markSearchStale(tx, [loaded.asset.id]);
    });
  },
};
