import { timingSafeEqual } from "node:crypto";
import type { Config } from "@/lib/config";
import { isLoopback, PEER_HEADER } from "@/lib/http/peer";

/** Who is asking: a script with the API token, the owner via `tailscale serve`, or this machine. */
export type Identity = { kind: "token" | "tailscale" | "local"; login: string };

type IdentityConfig = Pick<Config, "apiToken" | "owners">;

/**
 * Resolves the caller from request headers:
 * - `Authorization: Bearer <ALBUMS_API_TOKEN>` (when configured);
 * - `Tailscale-User-Login` equal to an `ALBUMS_OWNER`, only from a loopback peer (the serve proxy),
 *   never on Funnel traffic;
 * - with neither configured, a plain loopback request without proxy headers (this machine only).
 * Returns null for anything else.
 */
export function resolveIdentity(headers: Headers, config: IdentityConfig): Identity | null {
  const auth = headers.get("authorization");
  if (auth) {
    const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    return token && config.apiToken && safeEqual(token, config.apiToken) ? { kind: "token", login: "api-token" } : null;
  }
  const fromLoopback = isLoopback(headers.get(PEER_HEADER));
  if (headers.has("tailscale-funnel-request")) return null;
  const login = headers.get("tailscale-user-login");
  if (login) {
    return fromLoopback && config.owners.some((owner) => owner.toLowerCase() === login.toLowerCase()) ? { kind: "tailscale", login } : null;
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
