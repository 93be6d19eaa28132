import sharp from "sharp";
import { markUndecodable, storeThumbnails } from "@/lib/assets/store-derivatives";
import { extractDocument } from "@/lib/media/extract-document";
import { isOfficeMime } from "@/lib/media/read-office";
import { renderThumbnails } from "@/lib/media/render-thumbnails";
import { type JobHandler, PermanentJobError } from "@/lib/queue/handler";
import { isFileFault, loadJobAsset } from "./load-job-asset";

/**
 * PDF: page count, text (stored for search) and a first-page thumbnail; DOCX/XLSX/PPTX: text. Read
 * in a bounded child (extractDocument); a document past its limits or unreadable is kept, marked
 * undecodable, and its job fails for good (no retries).
 */
export const documentTextJob: JobHandler = {
  kind: "document-text",
  async run(ctx, job) {
    const { asset, file } = await loadJobAsset(ctx, job);
    const label = isOfficeMime(asset.mimeType) ? "office document" : "pdf";
    let content;
    try {
      content = await extractDocument(file, asset.mimeType);
    } catch (error) {
      if (!isFileFault(error)) throw error;
      await markUndecodable(ctx.db, asset.id, `${label}: ${(error as Error).message}`);
      throw new PermanentJobError(`unreadable ${label}: ${(error as Error).message}`, { cause: error });
    }
    await ctx.db.documentText.upsert({ where: { assetId: asset.id }, create: { assetId: asset.id, text: content.text }, update: { text: content.text } });
    if (!content.firstPage) {
      await ctx.db.asset.update({ where: { id: asset.id }, data: { decodeState: "ok" } });
      return;
    }
    await ctx.db.asset.update({ where: { id: asset.id }, data: { pageCount: content.pageCount ?? null } });
    await storeThumbnails(ctx.db, ctx.paths, asset, await renderThumbnails(sharp(content.firstPage)));
  },
};
