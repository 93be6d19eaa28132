import fs from "node:fs";
import { Readable } from "node:stream";
import type { StoredFile } from "@/lib/assets/open-original";

type SendOptions = { cacheControl: string; disposition?: "inline" | "attachment"; fileName?: string };

/**
 * Serves a file with a strong ETag, conditional GET (304), a single byte range (206/416),
 * `nosniff`, and a Content-Disposition safe for any file name.
 */
export function sendFile(request: Request, file: StoredFile, options: SendOptions): Response {
  const headers = new Headers({
    "Content-Type": file.mime,
    ETag: file.etag,
    "Cache-Control": options.cacheControl,
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
  });
  if (options.fileName) headers.set("Content-Disposition", contentDisposition(options.disposition ?? "inline", options.fileName));
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === file.etag || tag.trim() === "*")) {
    return new Response(null, { status: 304, headers });
  }
  const range = parseRange(request.headers.get("range"), file.size, request.headers.get("if-range"), file.etag);
  if (range === "invalid") {
    headers.set("Content-Range", `bytes */${file.size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  headers.set("Content-Length", String(Math.max(0, end - start + 1)));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${file.size}`);
  if (request.method === "HEAD" || file.size === 0) return new Response(null, { status: range ? 206 : 200, headers });
  const stream = Readable.toWeb(fs.createReadStream(file.path, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: range ? 206 : 200, headers });
}

/** Parses one `bytes=` range; null = whole file, "invalid" = unsatisfiable. Multi-ranges get the whole file. */
export function parseRange(header: string | null, size: number, ifRange: string | null, etag: string): { start: number; end: number } | null | "invalid" {
  if (!header || (ifRange && ifRange !== etag)) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, from, to] = m;
  if (from === "" && to === "") return "invalid";
  let start: number;
  let end: number;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "invalid";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return "invalid";
  return { start, end };
}

/** RFC 6266 header: an ASCII fallback plus the exact UTF-8 name; no quotes, slashes or controls. */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
   
  const clean = fileName.replace(/[\u0000-\u001f\u007f"\\/]/g, "_").slice(0, 200) || "file";
  const ascii = clean.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}
