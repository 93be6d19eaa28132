import sharp from "sharp";
import { markUndecodable, storeThumbnails } from "@/lib/assets/store-derivatives";
import { readPdf } from "@/lib/media/read-pdf";
import { renderThumbnails } from "@/lib/media/render-thumbnails";
import { type JobHandler, PermanentJobError } from "../handler";
import { isFileFault, loadJobAsset } from "./load-job-asset";

/** PDF: page count, full text (stored for search) and a first-page thumbnail. */
export const documentTextJob: JobHandler = {
  kind: "document-text",
  async run(ctx, job) {
    const { asset, file } = await loadJobAsset(ctx, job);
    let pdf;
    try {
      pdf = await readPdf(file);
    } catch (error) {
      if (!isFileFault(error)) throw error;
      await markUndecodable(ctx.db, asset.id, `pdf: ${(error as Error).message}`);
      throw new PermanentJobError(`unreadable PDF: ${(error as Error).message}`, { cause: error });
    }
    await ctx.db.documentText.upsert({ where: { assetId: asset.id }, create: { assetId: asset.id, text: pdf.text }, update: { text: pdf.text } });
    await ctx.db.asset.update({ where: { id: asset.id }, data: { pageCount: pdf.pageCount } });
    await storeThumbnails(ctx.db, ctx.paths, asset, await renderThumbnails(sharp(pdf.firstPage)));
  },
};
