import http from "node:http";
import { describe, expect, it } from "vitest";
import { egressCounters, installEgressGuard, isAllowedDestination, parseAllowList } from "./egress-guard";

describe("isAllowedDestination", () => {
  const allow = parseAllowList(["100.64.0.0/10", "fd7a:115c:a1e0::/48", "ollama.internal"]);
  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["localhost", true],
    ["100.101.102.103", true],
    ["fd7a:115c:a1e0::1", true],
    ["ollama.internal", true],
    ["8.8.8.8", false],
    ["192.168.1.1", false],
    ["10.0.0.1", false],
    ["example.com", false],
    ["2001:4860:4860::8888", false],
  ])("%s → %s", (host, expected) => expect(isAllowedDestination(host, allow)).toBe(expected));
});

describe("installEgressGuard", () => {
  it("blocks and counts a connection out, lets loopback through", async () => {
    installEgressGuard({ allow: [], mode: "block" });
    const server = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    const local = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    expect(local).toBe("ok");
    server.close();
    const before = egressCounters().blocked;
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      http.get("http://93.184.216.34/", () => resolve(new Error("connected") as NodeJS.ErrnoException)).on("error", resolve);
    });
    expect(error.code).toBe("EACCES");
    expect(egressCounters().blocked).toBe(before + 1);
    expect(egressCounters().lastBlocked).toBe("93.184.216.34");
  });
});
