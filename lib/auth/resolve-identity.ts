import { timingSafeEqual } from "node:crypto";
import type { Config } from "@/lib/config";
import { isLoopback, PEER_HEADER } from "@/lib/http/peer";
import { readSessionCookies } from "./session-cookie";

/** Who is asking: a script with an API token, the owner via `tailscale serve`, a signed-in browser, or this machine. */
export type Identity = { kind: "token" | "tailscale" | "session" | "local"; login: string };

export type IdentityLookups = {
  /** True for a stored, unrevoked API token. */
  apiToken: (token: string) => Promise<boolean>;
  /** True for a live passphrase session. */
  session: (token: string) => Promise<boolean>;
};

type IdentityConfig = Pick<Config, "apiToken" | "owners">;

/**
 * Resolves the caller from request headers, most explicit first:
 * - `Authorization: Bearer <token>`: ALBUMS_API_TOKEN or a stored API token (a wrong one is 401);
 * - Funnel traffic (`Tailscale-Funnel-Request`) is never an identity;
 * - `Tailscale-User-Login` equal to an ALBUMS_OWNER login, only from a loopback peer (the serve proxy);
 * - a passphrase session cookie (each one sent is tried);
 * - with no owner and no token configured, a plain loopback request that no proxy forwarded.
 */
export async function resolveIdentity(headers: Headers, config: IdentityConfig, lookups: IdentityLookups): Promise<Identity | null> {
  const auth = headers.get("authorization");
  if (auth) {
    const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (!token) return null;
    if (config.apiToken && safeEqual(token, config.apiToken)) return { kind: "token", login: "api-token" };
    return (await lookups.apiToken(token)) ? { kind: "token", login: `api-token:${token.slice(0, 8)}` } : null;
  }
  if (headers.has("tailscale-funnel-request")) return null;
  const fromLoopback = isLoopback(headers.get(PEER_HEADER));
  const login = headers.get("tailscale-user-login");
  if (login) {
    return fromLoopback && config.owners.some((owner) => owner.toLowerCase() === login.toLowerCase()) ? { kind: "tailscale", login } : null;
  }
  for (const session of readSessionCookies(headers)) {
    if (await lookups.session(session)) return { kind: "session", login: "owner" };
  }
  // Next.js adds X-Forwarded-For with the socket address; a proxy (tailscale serve) adds the real client.
  const forwardedFor = headers.get("x-forwarded-for")?.split(",").map((a) => a.trim()) ?? [];
  const proxied = forwardedFor.some((address) => !isLoopback(address)) || headers.has("forwarded") || headers.has("tailscale-user-name");
  if (fromLoopback && !proxied && !config.apiToken && config.owners.length === 0) return { kind: "local", login: "local" };
  return null;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
