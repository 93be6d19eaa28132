import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors";
import type { ServerDeps } from "@/lib/server/deps";
import type { Logger } from "@/lib/server/logger";
import { authenticateDav } from "./dav-auth";
import { DavStatus, davRequest, type DavRequest } from "./dav-context";
import { davCopyMove } from "./dav-copy-move";
import { davLock, davUnlock } from "./dav-lock";
import { davPropfind } from "./dav-propfind";
import { davProppatch } from "./dav-proppatch";
import { DAV_METHODS, davGet, davOptions } from "./dav-read";
import { davDelete, davMkcol, davPut } from "./dav-write";

const METHODS: Record<string, (dav: DavRequest) => Promise<void> | void> = {
  OPTIONS: davOptions, GET: davGet, HEAD: davGet, PUT: davPut, MKCOL: davMkcol, DELETE: davDelete,
  COPY: (dav) => davCopyMove(dav, "COPY"), MOVE: (dav) => davCopyMove(dav, "MOVE"),
  PROPFIND: davPropfind, PROPPATCH: davProppatch, LOCK: davLock, UNLOCK: davUnlock,
};

// What an AppError from lib/files means in WebDAV terms (a folder gone missing while writing into it is a 409).
const DAV_STATUS: Partial<Record<AppError["code"], number>> = { name_taken: 405, folder_cycle: 403, invalid_input: 400 };
const WRITES = new Set(["PUT", "MKCOL", "COPY", "MOVE", "LOCK"]);

/**
 * The WebDAV tree at `/dav/` (RFC 4918 class 1 and 2) on the main listener, in front of Next.js
 * (scripts/serve.ts): authenticates (HTTP Basic with an API token as the password, a Bearer
 * token, or the owner's Tailscale identity; 401 with a Basic challenge otherwise, 429 after
 * repeated wrong credentials from one address: lib/webdav/dav-auth.ts), then answers
 * the method from lib/webdav/dav-*.ts, whose work is done by lib/files. OPTIONS needs no identity.
 */
export async function handleDav(req: IncomingMessage, res: ServerResponse, deps: ServerDeps, log: Logger): Promise<void> {
  try {
    const method = METHODS[req.method ?? ""];
    if (!method) throw new DavStatus(405, { Allow: DAV_METHODS });
    if (req.method !== "OPTIONS") await authenticateDav(req, deps);
    await method(await davRequest(req, res, deps));
  } catch (error) {
    const answer = error instanceof DavStatus ? error : toStatus(error, log, req);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body = answer.body ?? "";
    // A body left unread (a refused PUT) must not be taken for the next request on this socket.
    const close = !req.complete ? { Connection: "close" } : {};
    res.writeHead(answer.status, { ...(body ? { "Content-Type": 'application/xml; charset="utf-8"' } : {}), ...answer.headers, ...close, "Content-Length": String(Buffer.byteLength(body)) });
    res.end(body);
  }
}

function toStatus(error: unknown, log: Logger, req: IncomingMessage): DavStatus {
  if (error instanceof AppError) return new DavStatus(error.code === "not_found" && WRITES.has(req.method ?? "") ? 409 : (DAV_STATUS[error.code] ?? error.status));
  if (req.destroyed || (error as NodeJS.ErrnoException).code === "ERR_STREAM_PREMATURE_CLOSE" || (error as NodeJS.ErrnoException).code === "ECONNRESET") return new DavStatus(400);
  log.error("webdav: unhandled error", { method: req.method, url: req.url, error: (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 2000) });
  return new DavStatus(500);
}
