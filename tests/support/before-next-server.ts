import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback listener answering what scripts/serve.ts answers in front of Next.js (the owner's ZIP
 * downloads, thumbnails: lib/server/before-next-routes.ts) as serve.ts does, the peer address
 * stamped as serve.ts stamps it; anything else is a 404. Call after createTestLibrary.
 */
export async function startBeforeNextServer(): Promise<{ base: string; port: number; close: () => Promise<void> }> {
  const { BEFORE_NEXT_ROUTES } = await import("@/lib/server/before-next-routes");
  const { nodeRouteFor } = await import("@/lib/http/node-routes");
  const { PEER_HEADER } = await import("@/lib/http/peer");
  const server = http.createServer((req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    const route = nodeRouteFor(req, BEFORE_NEXT_ROUTES);
    if (route) void route(res);
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
