import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors";
import { resolvePath, type ResolvedPath } from "@/lib/files/resolve-path";
import type { ServerDeps } from "@/lib/server/deps";
import { locksCovering, locksWithin } from "./dav-locks";
import { davSegments, pathKey } from "./dav-path";
import { escapeXml } from "./dav-xml";
import { evaluateIf, parseIfHeader, submittedTokens, type IfList } from "./if-header";

/** One WebDAV request being answered: the transport, the deps, and the resolved target. */
export type DavRequest = {
  req: IncomingMessage;
  res: ServerResponse;
  deps: ServerDeps;
  segments: string[];
  /** Lock-table key of the target. */
  key: string;
  /** The live item at the target, or null when nothing is there. */
  item: ResolvedPath | null;
  ifLists: IfList[] | null;
};

/** A WebDAV answer that is only a status (and a few headers). */
export class DavStatus extends Error {
  constructor(readonly status: number, readonly headers: Record<string, string> = {}, readonly body?: string) {
    super(`WebDAV ${status}`);
  }
}

/** A request header as one string (the first, where a client repeated it). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function davRequest(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<DavRequest> {
  // A fragment is never part of a request target: refuse it rather than act on a shorter path.
  if ((req.url ?? "").includes("#")) throw new DavStatus(400);
  const segments = davSegments(req.url ?? "/");
  const ifHeader = header(req, "if");
  return { req, res, deps, segments, key: pathKey(segments), item: await resolvePath(deps.db, segments), ifLists: ifHeader ? parseIfHeader(ifHeader) : null };
}

/** The ETag of a resolved item (files only), for If evaluation. */
export function etagOf(item: ResolvedPath | null): string | null {
  return item?.type === "file" ? item.etag : null;
}

/**
 * The If header and lock checks before a change to `key` (RFC 4918 §7, §10.4): 412 when the If
 * header does not hold (whatever it names), else 423 when a lock on the target (and, with `within`, under it; with
 * `parentKey`, on the collection gaining or losing a member) is not submitted in the If header.
 */
export async function checkWrite(dav: DavRequest, key: string, options: { within?: boolean; parentKey?: string | null } = {}): Promise<void> {
  const tokens = dav.ifLists ? submittedTokens(dav.ifLists) : [];
  const blocking = [
    ...locksCovering(key),
    ...(options.within ? locksWithin(key) : []),
    ...(options.parentKey != null ? locksCovering(options.parentKey).filter((l) => l.root === options.parentKey || l.depth === "infinity") : []),
  ];
  const missing = blocking.some((lock) => !tokens.includes(lock.token));
  if (dav.ifLists && !(await ifHolds(dav))) throw new DavStatus(412);
  if (missing) throw new DavStatus(423, {}, lockedBody(key));
}

/** Whether the request's If header holds (true without one). */
export async function ifHolds(dav: DavRequest): Promise<boolean> {
  if (!dav.ifLists) return true;
  const states = new Map<string | null, { etag: string | null; tokens: string[] }>();
  for (const list of dav.ifLists) {
    if (states.has(list.resource)) continue;
    const segments = list.resource === null ? dav.segments : safeSegments(list.resource);
    if (!segments) {
      states.set(list.resource, { etag: null, tokens: [] });
      continue;
    }
    const item = list.resource === null ? dav.item : await resolvePath(dav.deps.db, segments);
    states.set(list.resource, { etag: etagOf(item), tokens: locksCovering(pathKey(segments)).map((l) => l.token) });
  }
  return evaluateIf(dav.ifLists, (resource) => states.get(resource)!);
}

function safeSegments(url: string): string[] | null {
  try {
    return davSegments(url);
  } catch {
    return null;
  }
}

function lockedBody(key: string): string {
  return xmlDocument(`<D:error xmlns:D="DAV:"><D:lock-token-submitted><D:href>${escapeXml(key)}</D:href></D:lock-token-submitted></D:error>`);
}

export function xmlDocument(body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`;
}

/** Sends an XML answer. */
export function sendXml(res: ServerResponse, status: number, xml: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(xml, "utf8");
  res.writeHead(status, { "Content-Type": 'application/xml; charset="utf-8"', "Content-Length": String(body.length), ...headers });
  res.end(body);
}

/** Reads a small request body (XML) as UTF-8; `too_large` past 1 MiB. */
export async function readSmallBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1024 * 1024) throw new AppError("too_large", "WebDAV XML bodies are limited to 1 MiB.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The parent's lock-table key and names of a target (null for the root). */
export function parentOf(segments: string[]): { segments: string[]; key: string } | null {
  if (segments.length === 0) return null;
  const parent = segments.slice(0, -1);
  return { segments: parent, key: pathKey(parent) };
}
