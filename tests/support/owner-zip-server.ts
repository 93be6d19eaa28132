import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback listener answering the owner's ZIP downloads with the route function scripts/serve.ts
 * hands them to, in front of Next.js (lib/downloads/owner-zip-routes.ts), the peer address stamped
 * as serve.ts stamps it; anything else is a 404. Call after createTestLibrary.
 */
export async function startOwnerZipServer(): Promise<{ base: string; port: number; close: () => Promise<void> }> {
  const { ownerZipRoute } = await import("@/lib/downloads/owner-zip-routes");
  const { PEER_HEADER } = await import("@/lib/http/peer");
  const server = http.createServer((req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    const zip = ownerZipRoute(req);
    if (zip) void zip(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
