// The HTTP server: Next.js behind a plain Node listener that answers only this box's host names
// (421 for any other: DNS rebinding), stamps the TCP peer address into a header route handlers
// can trust (any client-sent copy is removed first), sets the security headers, including a
// per-request CSP nonce, and cuts request bodies that stall. WebDAV (`/dav/`) is answered here,
// before Next.js, by lib/webdav (Next's route handlers know no PROPFIND, MKCOL, LOCK…), and so
// are the owner's ZIP downloads (lib/downloads/owner-zip-routes.ts: written straight to the socket)
// and the thumbnails (lib/assets/thumbnail-route.ts: the most frequent request, which Next's routing
// made several times dearer).
import "@/lib/server/install-egress-guard";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { exitWithParent } from "@/lib/boot/exit-with-parent";
import { getConfig } from "@/lib/config";
import { hostPolicy, isAllowedHost } from "@/lib/http/allowed-hosts";
import { closeOnSignals } from "@/lib/http/close-on-signals";
import { cutStalledBody } from "@/lib/http/cut-stalled-body";
import { PEER_HEADER } from "@/lib/http/peer";
import { isSuspiciousPath } from "@/lib/http/reject-path";
import { securityHeaders } from "@/lib/http/security-headers";
import { allowServerOnly } from "@/lib/server/allow-server-only";
import { createLogger } from "@/lib/server/logger";
import { isDavPath } from "@/lib/webdav/dav-path";

exitWithParent();

const config = getConfig();
const log = createLogger("server", config.logLevel);
const root = path.resolve(import.meta.dirname, "..");
// Next takes the configuration its build resolved (as its own standalone server does) instead of
// compiling next.config.ts with SWC again at every start: ~30 MiB less resident (the SWC binary
// and the compile). Headers and routes come from the build's manifests either way.
const built = JSON.parse(fs.readFileSync(path.join(root, ".next", "required-server-files.json"), "utf8")) as { config: unknown };
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(built.config);
const app = next({ dev: false, dir: root, hostname: config.host, port: config.port });
const handle = app.getRequestHandler();
await app.prepare();
allowServerOnly();
const { handleDav } = await import("@/lib/webdav/handle-dav");
const { getServerDeps } = await import("@/lib/server/deps");
const { BEFORE_NEXT_ROUTES } = await import("@/lib/server/before-next-routes");
const { nodeRouteFor } = await import("@/lib/http/node-routes");

const hosts = hostPolicy(config);
const refuse = (res: http.ServerResponse, status: number, code: string, message: string) => {
  res.writeHead(status, { "Content-Type": "application/json", Connection: "close" });
  res.end(JSON.stringify({ error: { code, message } }));
};

// Node enforces headersTimeout when it sweeps connections: every 2 s, not its default 30 s.
const server = http.createServer({ connectionsCheckingInterval: 2_000 }, (req, res) => {
  delete req.headers[PEER_HEADER];
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  const headers = securityHeaders(randomBytes(16).toString("base64"));
  // Next.js takes the script nonce from the request's CSP header.
  req.headers["content-security-policy"] = headers["Content-Security-Policy"];
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  const forwardedHost = req.headers["x-forwarded-host"];
  if (!isAllowedHost(req.headers.host, hosts) || (forwardedHost !== undefined && !isAllowedHost(String(forwardedHost), hosts))) {
    refuse(res, 421, "misdirected_request", "This box does not answer to that host name (set ALBUMS_ALLOWED_HOSTS to add one).");
    return;
  }
  // WebDAV names may hold "%" (decoded once there, dot segments refused by lib/webdav/dav-path.ts).
  const dav = isDavPath((req.url ?? "/").split(/[?#]/)[0]!);
  if (!dav && isSuspiciousPath(req.url ?? "/")) {
    refuse(res, 400, "bad_request", "Invalid path.");
    return;
  }
  cutStalledBody(req, config.requestIdleMs);
  if (dav) {
    getServerDeps().then((deps) => handleDav(req, res, deps, log)).catch((error: unknown) => {
      log.error("webdav: no library", { error: String(error) });
      refuse(res, 503, "unavailable", "The library cannot be opened right now.");
    });
    return;
  }
  const route = nodeRouteFor(req, BEFORE_NEXT_ROUTES);
  if (route) {
    route(res).catch((error: unknown) => {
      log.error("request failed", { url: req.url, error: String(error) });
      res.destroy();
    });
    return;
  }
  void handle(req, res);
});
// No deadline for a whole request (large uploads on slow phone links), but one for its headers,
// and a body that sends nothing for ALBUMS_REQUEST_IDLE_SECONDS is cut (cutStalledBody); small
// JSON bodies have their own deadline (readJson).
server.requestTimeout = 0;
server.headersTimeout = 15_000;
server.keepAliveTimeout = 65_000;
server.listen(config.port, config.host, () => log.info(`listening on http://${config.host}:${config.port}`));

closeOnSignals(server, log);
