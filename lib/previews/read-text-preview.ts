import fs from "node:fs/promises";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { readableOriginal } from "@/lib/libraries/read-original";
import type { LibraryPaths } from "@/lib/server/paths";

/** At most this much text is sent to a preview (a 2 GB log stays a download). */
export const TEXT_PREVIEW_BYTES = 256 * 1024;

/** Extensions read as plain text (the bytes must also decode as UTF-8 without NULs). */
const TEXT_EXTS = new Set(["txt", "text", "md", "markdown", "csv", "tsv", "log", "json", "xml", "yaml", "yml", "ini", "conf", "cfg", "toml", "srt", "vtt", "tex", "rst", "org", "sh", "py", "js", "ts", "css", "sql"]);
const MARKDOWN_EXTS = new Set(["md", "markdown"]);

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
  if (asset.document) {
    const truncated = asset.document.text.length > TEXT_PREVIEW_BYTES;
    return { format: "text", source: "extracted", text: truncated ? asset.document.text.slice(0, TEXT_PREVIEW_BYTES) : asset.document.text, truncated };
  }
  if (asset.kind !== "file" || !TEXT_EXTS.has(asset.ext)) throw new AppError("not_found", "This file has no text to preview.");
  const original = await readableOriginal(db, paths, asset);
  const { bytes, truncated } = await readHead(original.path, TEXT_PREVIEW_BYTES);
  const text = decodeText(bytes, truncated);
  if (text === null) throw new AppError("not_found", "This file is not UTF-8 text; download it instead.");
  return { format: MARKDOWN_EXTS.has(asset.ext) ? "markdown" : "text", source: "file", text, truncated };
}

async function readHead(file: string, max: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  const handle = await fs.open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new AppError(error.code === "ENOENT" ? "not_found" : "unavailable", error.code === "ENOENT" ? "The original file is missing from disk; restore it from a backup." : `The original cannot be read right now (${error.code}).`);
  });
  try {
    const buffer = Buffer.alloc(max + 1);
    const { bytesRead } = await handle.read(buffer, 0, max + 1, 0);
    return { bytes: buffer.subarray(0, Math.min(bytesRead, max)), truncated: bytesRead > max };
  } finally {
    await handle.close();
  }
}

/** UTF-8 text (a BOM dropped), or null for binary bytes; a cut-off last character is dropped. */
export function decodeText(bytes: Buffer, cut: boolean): string | null {
  if (bytes.includes(0)) return null;
  let end = bytes.length;
  // A cut may split a multi-byte character: back up to its first byte (at most 3 continuation bytes).
  if (cut) for (let i = 0; i < 3 && end > 0 && (bytes[end - 1]! & 0xc0) === 0x80; i++) end -= 1;
  if (cut && end > 0 && bytes[end - 1]! >= 0xc0) end -= 1;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes.subarray(0, end));
  } catch {
    return null;
  }
}
