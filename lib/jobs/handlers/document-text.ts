import sharp from "sharp";
import { markUndecodable, storeThumbnails } from "@/lib/assets/store-derivatives";
import { extractDocument } from "@/lib/media/extract-document";
import { isOfficeMime } from "@/lib/media/read-office";
import { readTextHead } from "@/lib/media/read-text-head";
import { isTextFile } from "@/lib/media/text-files";
import { renderThumbnails } from "@/lib/media/render-thumbnails";
import { type JobHandler, PermanentJobError } from "@/lib/queue/handler";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";
import { isFileFault, loadJobAsset } from "./load-job-asset";

/** Of a text file, only this much is read for search (the index keeps the first 50,000 characters). */
const TEXT_FILE_INDEX_BYTES = 256 * 1024;

/**
 * PDF: page count, text (stored for search) and a first-page thumbnail; DOCX/XLSX/PPTX: text. Read
 * in a bounded child (extractDocument); a document past its limits or unreadable is kept, marked
 * undecodable, and its job fails for good (no retries). A text file (kind "file", .txt/.md/.csv…):
 * its first TEXT_FILE_INDEX_BYTES, if they are UTF-8 (binary bytes under a text name: no text).
 * The text and the search index's change record commit together.
 */
export const documentTextJob: JobHandler = {
  kind: "document-text",
  async run(ctx, job) {
    const { asset, file } = await loadJobAsset(ctx, job);
    if (isTextFile(asset.kind, asset.ext)) {
      const { text } = await readTextHead(file, TEXT_FILE_INDEX_BYTES);
      if (text !== null) await storeText(ctx.db, asset.id, text);
      return;
    }
    const label = isOfficeMime(asset.mimeType) ? "office document" : "pdf";
    let content;
    try {
      content = await extractDocument(file, asset.mimeType);
    } catch (error) {
      if (!isFileFault(error)) throw error;
      await markUndecodable(ctx.db, asset.id, `${label}: ${(error as Error).message}`);
      throw new PermanentJobError(`unreadable ${label}: ${(error as Error).message}`, { cause: error });
    }
    await storeText(ctx.db, asset.id, content.text);
    if (!content.firstPage) {
      await ctx.db.asset.update({ where: { id: asset.id }, data: { decodeState: "ok" } });
      return;
    }
    await ctx.db.asset.update({ where: { id: asset.id }, data: { pageCount: content.pageCount ?? null } });
    await storeThumbnails(ctx.db, ctx.paths, asset, await renderThumbnails(sharp(content.firstPage)));
  },
};

async function storeText(db: Db, assetId: string, text: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.documentText.upsert({ where: { assetId }, create: { assetId, text }, update: { text } });
    await markSearchStale(tx, [assetId]);
  });
}
