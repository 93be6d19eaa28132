import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { openOriginal } from "@/lib/assets/open-original";
import { contentDisposition, parseRange } from "@/lib/http/send-file";
import { DavStatus, header, type DavRequest } from "./dav-context";

export const DAV_METHODS = "OPTIONS, GET, HEAD, PUT, DELETE, MKCOL, COPY, MOVE, PROPFIND, PROPPATCH, LOCK, UNLOCK";

/** OPTIONS: the WebDAV classes (1, 2: locking) and methods this tree answers. */
export function davOptions(dav: DavRequest): void {
  dav.res.writeHead(200, { DAV: "1, 2", "MS-Author-Via": "DAV", Allow: DAV_METHODS, "Content-Length": "0" });
  dav.res.end();
}

/**
 * GET/HEAD of a file: its original's bytes streamed from disk with the entry's type, strong ETag
 * (its SHA-256), Last-Modified, conditional 304, and one byte range (206/416, If-Range) as
 * lib/http/send-file.ts answers them; never rendered as a page of the app (CSP sandbox). A
 * collection answers 405 (list it with PROPFIND).
 */
export async function davGet(dav: DavRequest): Promise<void> {
  const { item, req, res } = dav;
  if (!item) throw new DavStatus(404);
  if (item.type !== "file") throw new DavStatus(405, { Allow: DAV_METHODS });
  const file = await openOriginal(dav.deps.db, dav.deps.paths, item.assetId);
  const headers: Record<string, string> = {
    "Content-Type": item.mime, ETag: item.etag, "Last-Modified": item.updatedAt.toUTCString(), "Accept-Ranges": "bytes",
    "Content-Disposition": contentDisposition("attachment", item.name), "Content-Security-Policy": "sandbox; default-src 'none'", "Cache-Control": "private, no-cache",
  };
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim() === item.etag || t.trim() === "*")) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const range = file.size === 0 ? null : parseRange(req.headers.range ?? null, file.size, header(req, "if-range") ?? null, item.etag);
  if (range === "invalid") {
    res.writeHead(416, { ...headers, "Content-Range": `bytes */${file.size}` });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  res.writeHead(range ? 206 : 200, { ...headers, "Content-Length": String(Math.max(0, end - start + 1)), ...(range ? { "Content-Range": `bytes ${start}-${end}/${file.size}` } : {}) });
  if (req.method === "HEAD" || file.size === 0) {
    res.end();
    return;
  }
  await pipeline(fs.createReadStream(file.path, { start, end, highWaterMark: 1024 * 1024 }), res);
}
