import { describe, expect, it } from "vitest";
import { hostPolicy, isAllowedHost } from "./allowed-hosts";

const local = hostPolicy({ owners: [], allowLan: false, allowedHosts: [] }, "photobox");
const tailnet = hostPolicy({ owners: ["me@example.com"], allowLan: false, allowedHosts: [] }, "photobox");
const lan = hostPolicy({ owners: [], allowLan: true, allowedHosts: ["photos.example.org", ".home.arpa"] }, "photobox.fritz.box");

describe("isAllowedHost", () => {
  it("accepts loopback names and IP literals everywhere", () => {
    for (const host of ["localhost", "localhost:3000", "app.localhost:3000", "127.0.0.1:3000", "[::1]:3000", "192.168.1.20", "100.101.102.103", "LOCALHOST.", undefined]) {
      expect(isAllowedHost(host, local)).toBe(true);
    }
  });

  it("refuses names nobody configured: a rebound attacker's name (hardening 7)", () => {
    for (const host of ["rebind.evil.example", "rebind.evil.example:3000", "box.tail1234.ts.net", "photobox", "localhost.evil.example", "evil-localhost", "", "a b", "[zz]:1"]) {
      expect(isAllowedHost(host, local)).toBe(false);
    }
  });

  it("accepts the tailnet names when an owner is configured", () => {
    expect(isAllowedHost("box.tail1234.ts.net", tailnet)).toBe(true);
    expect(isAllowedHost("ts.net", tailnet)).toBe(false);
    expect(isAllowedHost("box.ts.net.evil.example", tailnet)).toBe(false);
  });

  it("accepts this machine's names on a LAN and the configured ones", () => {
    for (const host of ["photobox.fritz.box", "photobox.local:3000", "photos.example.org", "nas.home.arpa"]) expect(isAllowedHost(host, lan)).toBe(true);
    for (const host of ["home.arpa", "other.example.org", "box.tail1234.ts.net"]) expect(isAllowedHost(host, lan)).toBe(false);
  });
});
