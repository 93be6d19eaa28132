import { sendBytes } from "@/lib/http/send-bytes";
import { streamZip, type ZipSource } from "./stream-zip";
import type { ZipLayout } from "./zip-layout";
import { zipEntity } from "./zip-entity";

/**
 * Answers a ZIP download as a web Response (a Next.js route: the Files folder ZIP): exact
 * `Content-Length`, a strong ETag, one byte range (206/416, `If-Range`). The owner's album and
 * selection ZIPs and the share listener's are written straight to the socket instead
 * (lib/zip/write-zip-response.ts).
 */
export function zipResponse(request: Request, layout: ZipLayout, source: ZipSource, options: { fileName: string; identity: string; cacheControl?: string }): Response {
  return sendBytes(request, zipEntity(layout.size, options), (start, end) => streamZip(layout, source, start, end));
}
