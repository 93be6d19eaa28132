import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/**
 * A Node request as a web Request (what route code reads: method, URL, headers, body), for the
 * routes answered before or without Next.js (a POST form or JSON). Only a POST carries its body
 * (the request stream itself, read once): any other method's is left to Node, which discards it
 * once the answer ends. `origin` gives the URL its scheme and host.
 */
export function webRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const hasBody = req.method === "POST";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}
