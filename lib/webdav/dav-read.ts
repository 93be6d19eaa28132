import { openOriginal } from "@/lib/assets/open-original";
import { planBytes } from "@/lib/http/send-bytes";
import { contentDisposition } from "@/lib/http/send-file";
import { writeFileRange } from "@/lib/http/write-file-range";
import { DavStatus, header, type DavRequest } from "./dav-context";

export const DAV_METHODS = "OPTIONS, GET, HEAD, PUT, DELETE, MKCOL, COPY, MOVE, PROPFIND, PROPPATCH, LOCK, UNLOCK";

/** OPTIONS: the WebDAV classes (1, 2: locking) and methods this tree answers. */
export function davOptions(dav: DavRequest): void {
  dav.res.writeHead(200, { DAV: "1, 2", "MS-Author-Via": "DAV", Allow: DAV_METHODS, "Content-Length": "0" });
  dav.res.end();
}

/**
 * GET/HEAD of a file: its original's bytes streamed from disk with the entry's type, strong ETag
 * (its SHA-256), Last-Modified, conditional 304, and one byte range (206/416, If-Range), decided
 * by planBytes (lib/http/send-bytes.ts) like every other byte answer; never rendered as a page of the app (CSP sandbox). A
 * collection answers 405 (list it with PROPFIND).
 */
export async function davGet(dav: DavRequest): Promise<void> {
  const { item, req, res } = dav;
  if (!item) throw new DavStatus(404);
  if (item.type !== "file") throw new DavStatus(405, { Allow: DAV_METHODS });
  const file = await openOriginal(dav.deps.db, dav.deps.paths, item.assetId);
  const plan = planBytes(req.method ?? "GET", (name) => header(req, name) ?? null, {
    size: file.size,
    etag: item.etag,
    headers: {
      "Content-Type": item.mime, "Last-Modified": item.updatedAt.toUTCString(), "Content-Disposition": contentDisposition("attachment", item.name),
      "Content-Security-Policy": "sandbox; default-src 'none'", "Cache-Control": "private, no-cache",
    },
  });
  res.writeHead(plan.status, Object.fromEntries(plan.headers));
  if (!plan.body) {
    res.end();
    return;
  }
  await writeFileRange(res, file.path, plan.body.start, plan.body.end);
  res.end();
}
