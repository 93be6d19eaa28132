import { createHash } from "node:crypto";
import { sendBytes } from "@/lib/http/send-bytes";
import { contentDisposition } from "@/lib/http/send-file";
import { streamZip, type ZipSource } from "./stream-zip";
import type { ZipLayout } from "./zip-layout";

/**
 * Answers a ZIP download: exact `Content-Length`, a strong ETag naming the archive's content
 * (`identity`: the files' hashes, names and variant), one byte range (206/416, `If-Range`), so
 * `curl -C -` or a browser resumes a dropped download and gets the same archive.
 */
export function zipResponse(request: Request, layout: ZipLayout, source: ZipSource, options: { fileName: string; identity: string; cacheControl?: string }): Response {
  const etag = `"zip-${createHash("sha256").update(options.identity).digest("hex").slice(0, 32)}"`;
  const headers = {
    "Content-Type": "application/zip",
    "Cache-Control": options.cacheControl ?? "private, no-cache",
    "Content-Disposition": contentDisposition("attachment", options.fileName),
  };
  return sendBytes(request, { size: layout.size, etag, headers }, (start, end) => streamZip(layout, source, start, end));
}
