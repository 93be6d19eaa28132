import { readFileRange } from "@/lib/server/read-file-range";
import type { StoredFile } from "@/lib/assets/open-original";
import { sendBytes } from "./send-bytes";

type SendOptions = { cacheControl: string; disposition?: "inline" | "attachment"; fileName?: string };

/**
 * Serves a file with a strong ETag, conditional GET (304), a single byte range (206/416),
 * `nosniff`, and a Content-Disposition safe for any file name.
 */
export function sendFile(request: Request, file: StoredFile, options: SendOptions): Response {
  const headers: Record<string, string> = { "Content-Type": file.mime, "Cache-Control": options.cacheControl };
  if (options.fileName) headers["Content-Disposition"] = contentDisposition(options.disposition ?? "inline", options.fileName);
  return sendBytes(request, { size: file.size, etag: file.etag, headers }, (start, end) => readFileRange(file.path, start, end));
}

/** RFC 6266 header: an ASCII fallback plus the exact UTF-8 name; no quotes, slashes or controls. */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
   
  const clean = fileName.replace(/[\u0000-\u001f\u007f"\\/]/g, "_").slice(0, 200) || "file";
  const ascii = clean.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}
