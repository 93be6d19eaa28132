import { fileTypeFromFile } from "file-type";

export type AssetKind = "photo" | "video" | "document" | "file";

/** A supported original, as recognised from its bytes. */
export type DetectedType = { kind: AssetKind; mime: string; ext: string; raw: boolean };

// What Albums accepts, keyed by the MIME type file-type reports from the magic bytes.
const SUPPORTED: Record<string, Omit<DetectedType, "mime">> = {
  "image/jpeg": { kind: "photo", ext: "jpg", raw: false },
  "image/png": { kind: "photo", ext: "png", raw: false },
  "image/webp": { kind: "photo", ext: "webp", raw: false },
  "image/avif": { kind: "photo", ext: "avif", raw: false },
  "image/gif": { kind: "photo", ext: "gif", raw: false },
  "image/tiff": { kind: "photo", ext: "tif", raw: false },
  "image/heic": { kind: "photo", ext: "heic", raw: false },
  "image/heif": { kind: "photo", ext: "heif", raw: false },
  "image/heic-sequence": { kind: "photo", ext: "heic", raw: false },
  "image/heif-sequence": { kind: "photo", ext: "heif", raw: false },
  "image/x-adobe-dng": { kind: "photo", ext: "dng", raw: true },
  "image/x-canon-cr2": { kind: "photo", ext: "cr2", raw: true },
  "image/x-canon-cr3": { kind: "photo", ext: "cr3", raw: true },
  "image/x-nikon-nef": { kind: "photo", ext: "nef", raw: true },
  "image/x-sony-arw": { kind: "photo", ext: "arw", raw: true },
  "image/x-fujifilm-raf": { kind: "photo", ext: "raf", raw: true },
  "image/x-panasonic-rw2": { kind: "photo", ext: "rw2", raw: true },
  "image/x-olympus-orf": { kind: "photo", ext: "orf", raw: true },
  "video/mp4": { kind: "video", ext: "mp4", raw: false },
  "video/quicktime": { kind: "video", ext: "mov", raw: false },
  "video/3gpp": { kind: "video", ext: "3gp", raw: false },
  "video/3gpp2": { kind: "video", ext: "3g2", raw: false },
  "video/x-m4v": { kind: "video", ext: "m4v", raw: false },
  "video/matroska": { kind: "video", ext: "mkv", raw: false },
  "video/x-matroska": { kind: "video", ext: "mkv", raw: false },
  "video/webm": { kind: "video", ext: "webm", raw: false },
  // Older cameras and phones: kept as originals, played through a rendition (lib/media/rendition-rule.ts).
  "video/vnd.avi": { kind: "video", ext: "avi", raw: false },
  "video/mp2t": { kind: "video", ext: "mts", raw: false },
  "video/x-ms-asf": { kind: "video", ext: "wmv", raw: false },
  "video/x-flv": { kind: "video", ext: "flv", raw: false },
  "video/MP1S": { kind: "video", ext: "mpg", raw: false },
  "video/MP2P": { kind: "video", ext: "mpg", raw: false },
  "application/pdf": { kind: "document", ext: "pdf", raw: false },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { kind: "document", ext: "docx", raw: false },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { kind: "document", ext: "xlsx", raw: false },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": { kind: "document", ext: "pptx", raw: false },
};

/** True for camera RAW types (decoded through their embedded preview). */
export function isRawMime(mime: string): boolean {
  return SUPPORTED[mime]?.raw ?? false;
}

// The registered type to serve where file-type reports a private one.
const SERVED_AS: Record<string, string> = { avi: "video/x-msvideo", wmv: "video/x-ms-wmv", mpg: "video/mpeg" };

/** MIME type Albums serves an original with, given the extension it was stored under. */
export function mimeForExt(ext: string): string {
  if (SERVED_AS[ext]) return SERVED_AS[ext];
  for (const [mime, type] of Object.entries(SUPPORTED)) if (type.ext === ext) return mime;
  return "application/octet-stream";
}

// Plain formats file-type cannot recognise from bytes: their type from the name's extension.
const TEXT_BY_EXT: Record<string, string> = {
  txt: "text/plain", md: "text/markdown", csv: "text/csv", tsv: "text/tab-separated-values", json: "application/json",
  log: "text/plain", ini: "text/plain", yaml: "text/yaml", yml: "text/yaml", xml: "application/xml", html: "text/html", htm: "text/html",
  svg: "image/svg+xml", css: "text/css", js: "text/javascript", ts: "text/plain", py: "text/plain", sh: "text/plain", rtf: "application/rtf",
  doc: "application/msword", xls: "application/vnd.ms-excel", ppt: "application/vnd.ms-powerpoint",
  odt: "application/vnd.oasis.opendocument.text", ods: "application/vnd.oasis.opendocument.spreadsheet",
};

/**
 * Any other file (Drive imports, the Files tree, WebDAV): kind "file", never in the timeline. Its
 * type from the bytes when file-type knows them, else from a safe extension of its name (served
 * only as a download or with a sandbox, never as a page of the app); empty files included.
 */
export async function detectAnyFile(filePath: string, fileName: string): Promise<DetectedType> {
  const found = await fileTypeFromFile(filePath);
  const fromName = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase();
  const ext = found?.ext && /^[a-z0-9]{1,5}$/.test(found.ext) ? found.ext : (fromName ?? "bin");
  return { kind: "file", mime: found?.mime ?? TEXT_BY_EXT[ext] ?? "application/octet-stream", ext, raw: false };
}

/**
 * Recognises a file from its bytes alone (never its name or a client header).
 * Returns null for anything Albums does not store (HTML, SVG, scripts, archives…).
 */
export async function detectType(filePath: string): Promise<DetectedType | null> {
  const found = await fileTypeFromFile(filePath);
  if (!found) return null;
  const type = SUPPORTED[found.mime];
  return type ? { mime: found.mime, ...type } : null;
}
