import { describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/lib/http/peer";
import { resolveIdentity } from "./resolve-identity";

const token = "t".repeat(32);
const configured = { apiToken: token, owners: ["me@example.com"] };
const open = { apiToken: undefined, owners: [] };
const h = (init: Record<string, string>) => new Headers(init);

describe("resolveIdentity", () => {
  it("accepts the API token and rejects a wrong one", () => {
    expect(resolveIdentity(h({ authorization: `Bearer ${token}` }), configured)).toEqual({ kind: "token", login: "api-token" });
    expect(resolveIdentity(h({ authorization: "Bearer nope" }), configured)).toBeNull();
    expect(resolveIdentity(h({ authorization: `Bearer ${token}` }), open)).toBeNull();
  });

  it("trusts the Tailscale login only from a loopback peer and only for the owner", () => {
    expect(resolveIdentity(h({ "tailscale-user-login": "me@example.com", [PEER_HEADER]: "127.0.0.1" }), configured)).toEqual({ kind: "tailscale", login: "me@example.com" });
    expect(resolveIdentity(h({ "tailscale-user-login": "me@example.com", [PEER_HEADER]: "::ffff:127.0.0.1" }), configured)?.kind).toBe("tailscale");
    expect(resolveIdentity(h({ "tailscale-user-login": "me@example.com", [PEER_HEADER]: "100.64.0.7" }), configured)).toBeNull();
    expect(resolveIdentity(h({ "tailscale-user-login": "me@example.com" }), configured)).toBeNull();
    expect(resolveIdentity(h({ "tailscale-user-login": "eve@example.com", [PEER_HEADER]: "127.0.0.1" }), configured)).toBeNull();
  });

  it("refuses Funnel traffic", () => {
    expect(resolveIdentity(h({ "tailscale-user-login": "me@example.com", "tailscale-funnel-request": "?1", [PEER_HEADER]: "127.0.0.1" }), configured)).toBeNull();
  });

  it("lets only this machine in when no owner or token is configured", () => {
    expect(resolveIdentity(h({ [PEER_HEADER]: "127.0.0.1" }), open)).toEqual({ kind: "local", login: "local" });
    expect(resolveIdentity(h({ [PEER_HEADER]: "192.168.1.5" }), open)).toBeNull();
    expect(resolveIdentity(h({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "127.0.0.1" }), open)?.kind).toBe("local");
    expect(resolveIdentity(h({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "100.64.0.9, 127.0.0.1" }), open)).toBeNull();
    expect(resolveIdentity(h({ [PEER_HEADER]: "127.0.0.1" }), configured)).toBeNull();
  });
});
