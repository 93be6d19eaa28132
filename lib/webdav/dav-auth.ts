import type { IncomingMessage } from "node:http";
import { verifyApiToken } from "@/lib/auth/api-tokens";
import { clientBucket } from "@/lib/auth/client-bucket";
import { noteTailscaleIdentity } from "@/lib/auth/note-tailscale-identity";
import { createRateLimiter } from "@/lib/auth/rate-limit";
import { resolveIdentity, type Identity } from "@/lib/auth/resolve-identity";
import { PEER_HEADER } from "@/lib/http/peer";
import type { ServerDeps } from "@/lib/server/deps";
import { DavStatus } from "./dav-context";

/** Wrong credentials allowed per client bucket (IPv4 address, IPv6 /64, loopback) in a window. */
export const DAV_FAILED_LOGINS = { attempts: 10, windowMs: 10 * 60_000 };

// In memory: WebDAV is answered by one process (scripts/serve.ts); a restart forgets the counts.
const failures = createRateLimiter(DAV_FAILED_LOGINS.attempts, DAV_FAILED_LOGINS.windowMs);

/**
 * Who a WebDAV request comes from: HTTP Basic with any user name and an API token as the password
 * (ALBUMS_API_TOKEN or one minted in settings; a revoked one is refused from the next request), a
 * Bearer token, the owner's Tailscale identity (through `tailscale serve`), or this machine when
 * no token or owner is configured. Passphrase session cookies are not accepted here (a desktop
 * client has none; a browser's would be ambient). Throws 401 with a Basic challenge; a client
 * whose credentials were wrong DAV_FAILED_LOGINS.attempts times in the window gets 429 with
 * Retry-After, its credentials unchecked, until the window has room again (a request without
 * credentials, a client's first, is not a failure).
 */
export async function authenticateDav(req: IncomingMessage, deps: ServerDeps): Promise<Identity> {
  const web = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") web.set(name, value);
  const credentials = web.get("authorization");
  const bucket = clientBucket(web.get(PEER_HEADER) ?? req.socket.remoteAddress ?? "");
  if (credentials) {
    const wait = failures.waitFor(bucket);
    if (wait > 0) throw new DavStatus(429, { "Retry-After": String(Math.ceil(wait / 1000)) });
    const basic = /^Basic\s+(\S+)$/i.exec(credentials)?.[1];
    if (basic) {
      const decoded = Buffer.from(basic, "base64").toString("utf8");
      web.set("authorization", `Bearer ${decoded.slice(decoded.indexOf(":") + 1)}`);
    }
  }
  const identity = await resolveIdentity(web, deps.config, { apiToken: (token) => verifyApiToken(deps.db, token), session: async () => false });
  if (!identity) {
    if (credentials) failures.reserve(bucket);
    throw new DavStatus(401, { "WWW-Authenticate": 'Basic realm="Albums", charset="UTF-8"' });
  }
  if (identity.kind === "tailscale") await noteTailscaleIdentity(deps.db, identity.login);
  return identity;
}
