import http from "node:http";
import { cutStalledBody } from "@/lib/http/cut-stalled-body";
import { isLoopback } from "@/lib/http/peer";
import { securityHeaders } from "@/lib/http/security-headers";
import { webRequest } from "@/lib/http/web-request";
import { writeWebResponse } from "@/lib/http/write-web-response";
import type { ServerDeps } from "@/lib/server/deps";
import { handleShareRequest } from "./share-routes";
import { loadUnlockLimits, type UnlockLimits } from "./unlock-limits";

const MAX_BODY = 16 * 1024;

/**
 * The share listener: a plain Node server, separate from the app's, that knows only the routes
 * of SHARE_ROUTES. It never hands a request to Next.js, so no owner page or API is reachable
 * through it, whatever the path, header or credential. Behind `tailscale serve/funnel` (a
 * loopback peer) the guest's address is taken from X-Forwarded-For for the passphrase limits,
 * which are read from the database at the first unlock (they survive a restart).
 */
export function createShareServer(options: { deps: () => Promise<ServerDeps>; requestIdleMs: number }): http.Server {
  let loaded: Promise<UnlockLimits> | undefined;
  const limits = () =>
    (loaded ??= options.deps().then((deps) => loadUnlockLimits(deps.db)).catch((error: unknown) => {
      loaded = undefined; // a database hiccup: try again at the next unlock
      throw error;
    }));
  const server = http.createServer({ connectionsCheckingInterval: 2_000 }, (req, res) => {
    void (async () => {
      const peerSocket = req.socket.remoteAddress ?? "";
      const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",")[0]!.trim();
      const peer = isLoopback(peerSocket) && forwarded ? forwarded : peerSocket;
      const secure = req.headers["x-forwarded-proto"] === "https";
      // Guests only ever send a passphrase: a body without a declared, small length is refused.
      if (req.method === "POST" && (req.headers["content-length"] === undefined || Number(req.headers["content-length"]) > MAX_BODY)) {
        res.writeHead(req.headers["content-length"] === undefined ? 411 : 413, { Connection: "close" }).end();
        return;
      }
      cutStalledBody(req, options.requestIdleMs);
      const request = webRequest(req, "http://share.invalid");
      const { response, nonce } = await handleShareRequest(request, { deps: options.deps, limits, peer, secure });
      for (const [name, value] of Object.entries(securityHeaders(nonce))) res.setHeader(name, value);
      if (typeof response === "function") await response(res);
      else await writeWebResponse(res, response, req.method ?? "GET");
    })().catch((error: unknown) => {
      console.error("share listener:", error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.requestTimeout = 0;
  server.headersTimeout = 15_000;
  server.keepAliveTimeout = 65_000;
  return server;
}
