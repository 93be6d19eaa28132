import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors";
import { webRequest } from "./web-request";

/** A route answered on the Node response in front of Next.js (scripts/serve.ts): its path (groups are its params) and methods. */
export type NodeRoute = { path: RegExp; methods: string[]; answer: (request: Request, res: ServerResponse, params: string[]) => Promise<void> };

/** A path segment as Next.js hands a route its params: percent-decoded (a malformed one names nothing). */
export function pathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AppError("not_found", "Not found.");
  }
}

/** The answer to `req` when its path is one of `routes` (405 with `Allow` for another method), or null: Next.js answers it. */
export function nodeRouteFor(req: IncomingMessage, routes: NodeRoute[]): ((res: ServerResponse) => Promise<void>) | null {
  const pathname = (req.url ?? "/").split(/[?#]/)[0]!;
  for (const route of routes) {
    const match = route.path.exec(pathname);
    if (!match) continue;
    return async (res) => {
      if (!route.methods.includes(req.method ?? "")) {
        res.writeHead(405, { Allow: route.methods.join(", "), "Content-Length": "0" }).end();
        return;
      }
      await route.answer(webRequest(req, "http://localhost"), res, match.slice(1));
    };
  }
  return null;
}
