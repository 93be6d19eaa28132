import sharp from "sharp";
import { markUndecodable, storeThumbnails } from "@/lib/assets/store-derivatives";
import { isOfficeMime, readOfficeText } from "@/lib/media/read-office";
import { renderThumbnails } from "@/lib/media/render-thumbnails";
import { type JobHandler, PermanentJobError } from "../handler";
import { isFileFault, loadJobAsset } from "./load-job-asset";

/** PDF: page count, full text (stored for search) and a first-page thumbnail; DOCX/XLSX/PPTX: text. */
export const documentTextJob: JobHandler = {
  kind: "document-text",
  async run(ctx, job) {
    const { asset, file } = await loadJobAsset(ctx, job);
    if (isOfficeMime(asset.mimeType)) {
      let text: string;
      try {
        text = await readOfficeText(file, asset.mimeType);
      } catch (error) {
        if (!isFileFault(error)) throw error;
        await markUndecodable(ctx.db, asset.id, `office document: ${(error as Error).message}`);
        throw new PermanentJobError(`unreadable document: ${(error as Error).message}`, { cause: error });
      }
      await ctx.db.documentText.upsert({ where: { assetId: asset.id }, create: { assetId: asset.id, text }, update: { text } });
      await ctx.db.asset.update({ where: { id: asset.id }, data: { decodeState: "ok" } });
      return;
    }
    // pdf.js and its canvas are imported on first use: ~150 MiB resident in a worker that may never see a PDF.
    const { readPdf } = await import("@/lib/media/read-pdf");
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
