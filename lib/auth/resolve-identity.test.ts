import { describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/lib/http/peer";
import { resolveIdentity } from "./resolve-identity";

const token = "t".repeat(32);
const configured = { apiToken: token, owners: ["me@example.com"] };
const open = { apiToken: undefined, owners: [] };
const lookups = { apiToken: async (t: string) => t === "alb_stored-token", session: async (t: string) => t === "good-session" };
const h = (init: Record<string, string>) => new Headers(init);
const resolve = (headers: Headers, config: typeof configured | typeof open) => resolveIdentity(headers, config, lookups);

describe("resolveIdentity", () => {
  it("accepts the configured and stored API tokens and rejects a wrong one", async () => {
    expect(await resolve(h({ authorization: `Bearer ${token}` }), configured)).toEqual({ kind: "token", login: "api-token" });
    expect(await resolve(h({ authorization: "Bearer alb_stored-token" }), open)).toEqual({ kind: "token", login: "api-token:alb_stor" });
    expect(await resolve(h({ authorization: "Bearer nope" }), configured)).toBeNull();
    expect(await resolve(h({ authorization: `Bearer ${token}`, [PEER_HEADER]: "127.0.0.1" }), open)).toBeNull();
  });

  it("trusts the Tailscale login only from a loopback peer and only for the owner", async () => {
    expect(await resolve(h({ "tailscale-user-login": "me@example.com", [PEER_HEADER]: "127.0.0.1" }), configured)).toEqual({ kind: "tailscale", login: "me@example.com" });
    expect((await resolve(h({ "tailscale-user-login": "ME@example.com", [PEER_HEADER]: "::ffff:127.0.0.1" }), configured))?.kind).toBe("tailscale");
    expect(await resolve(h({ "tailscale-user-login": "me@example.com", [PEER_HEADER]: "100.64.0.7" }), configured)).toBeNull();
    expect(await resolve(h({ "tailscale-user-login": "me@example.com" }), configured)).toBeNull();
    expect(await resolve(h({ "tailscale-user-login": "eve@example.com", [PEER_HEADER]: "127.0.0.1" }), configured)).toBeNull();
  });

  it("refuses Funnel traffic, even with a session", async () => {
    expect(await resolve(h({ "tailscale-user-login": "me@example.com", "tailscale-funnel-request": "?1", [PEER_HEADER]: "127.0.0.1" }), configured)).toBeNull();
    expect(await resolve(h({ cookie: "albums-session=good-session", "tailscale-funnel-request": "?1" }), configured)).toBeNull();
  });

  it("accepts a live session cookie from anywhere", async () => {
    expect(await resolve(h({ cookie: "a=b; albums-session=good-session", [PEER_HEADER]: "192.168.1.20" }), configured)).toEqual({ kind: "session", login: "owner" });
    expect(await resolve(h({ cookie: "__Host-albums-session=good-session" }), configured)).toEqual({ kind: "session", login: "owner" });
    expect(await resolve(h({ cookie: "albums-session=stale" }), configured)).toBeNull();
  });

  it("is not signed out by a bogus cookie planted before the real one (hardening 14)", async () => {
    expect(await resolve(h({ cookie: "__Host-albums-session=planted; albums-session=x; __Host-albums-session=good-session" }), configured)).toEqual({ kind: "session", login: "owner" });
    expect(await resolve(h({ cookie: "albums-session=; albums-session=good-session" }), configured)).toEqual({ kind: "session", login: "owner" });
    expect(await resolve(h({ cookie: "albums-session=a; albums-session=b; albums-session=c; albums-session=d; albums-session=good-session" }), configured)).toBeNull();
  });

  it("lets only this machine in when no owner or token is configured", async () => {
    expect(await resolve(h({ [PEER_HEADER]: "127.0.0.1" }), open)).toEqual({ kind: "local", login: "local" });
    expect(await resolve(h({ [PEER_HEADER]: "192.168.1.5" }), open)).toBeNull();
    expect((await resolve(h({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "127.0.0.1" }), open))?.kind).toBe("local");
    expect(await resolve(h({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "100.64.0.9, 127.0.0.1" }), open)).toBeNull();
    expect(await resolve(h({ [PEER_HEADER]: "127.0.0.1" }), configured)).toBeNull();
  });
});
