import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { readableOriginal } from "@/lib/libraries/read-original";
import { readTextHead } from "@/lib/media/read-text-head";
import { isTextFile, MARKDOWN_EXTS } from "@/lib/media/text-files";
import type { LibraryPaths } from "@/lib/server/paths";

/** At most this much text is sent to a preview (a 2 GB log stays a download). */
export const TEXT_PREVIEW_BYTES = 256 * 1024;

export type TextPreview = {
  /** `markdown` is shown formatted (escaped, no raw HTML), `text` as written. */
  format: "text" | "markdown";
  /** `file`: the file's own bytes; `extracted`: text read out of a PDF or an Office file. */
  source: "file" | "extracted";
  text: string;
  truncated: boolean;
};

/**
 * The text to preview of an asset: a text file's own content (UTF-8, NUL-free, the first
 * TEXT_PREVIEW_BYTES) or the text extracted from a PDF or Office file, capped the same way.
 * 404 when the asset has no text (a photo, a binary file, a document not read yet).
 */
export async function readTextPreview(db: Db, paths: LibraryPaths, id: string): Promise<TextPreview> {
  const asset = await db.asset.findUnique({ where: { id }, select: { id: true, sha256: true, ext: true, kind: true, originalName: true, document: { select: { text: true } } } });
  if (!asset) throw new AppError("not_found", "No such asset.");
  if (isTextFile(asset.kind, asset.ext)) {
    // A text file's own bytes (its indexed copy in DocumentText is for search only).
    const original = await readableOriginal(db, paths, asset);
    const { text, truncated } = await readTextHead(original.path, TEXT_PREVIEW_BYTES).catch((error: NodeJS.ErrnoException) => {
      throw new AppError(error.code === "ENOENT" ? "not_found" : "unavailable", error.code === "ENOENT" ? "The original file is missing from disk; restore it from a backup." : `The original cannot be read right now (${error.code}).`);
    });
    if (text === null) throw new AppError("not_found", "This file is not UTF-8 text; download it instead.");
    return { format: MARKDOWN_EXTS.includes(asset.ext) ? "markdown" : "text", source: "file", text, truncated };
  }
  if (!asset.document) throw new AppError("not_found", "This file has no text to preview.");
  const truncated = asset.document.text.length > TEXT_PREVIEW_BYTES;
  return { format: "text", source: "extracted", text: truncated ? asset.document.text.slice(0, TEXT_PREVIEW_BYTES) : asset.document.text, truncated };
}
