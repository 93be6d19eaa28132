import type { IncomingHttpHeaders } from "node:http";
import { verifyApiToken } from "@/lib/auth/api-tokens";
import { noteTailscaleIdentity } from "@/lib/auth/note-tailscale-identity";
import { resolveIdentity, type Identity } from "@/lib/auth/resolve-identity";
import type { ServerDeps } from "@/lib/server/deps";

// A desktop client sends its credentials with every request (a PROPFIND per folder it shows): a
// stored token checked once is trusted for a minute instead of a database write per request.
const verified = new Map<string, number>();
const TRUST_MS = 60_000;

/**
 * Who a WebDAV request comes from: HTTP Basic with any user name and an API token as the password
 * (ALBUMS_API_TOKEN or one minted in settings), a Bearer token, the owner's Tailscale identity
 * (through `tailscale serve`), or this machine when no token or owner is configured. Passphrase
 * session cookies are not accepted here (a desktop client has none; a browser's would be ambient).
 */
export async function identifyDav(headers: IncomingHttpHeaders, deps: ServerDeps): Promise<Identity | null> {
  const web = new Headers();
  for (const [name, value] of Object.entries(headers)) if (typeof value === "string") web.set(name, value);
  const basic = /^Basic\s+(\S+)$/i.exec(web.get("authorization") ?? "")?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const password = decoded.slice(decoded.indexOf(":") + 1);
    web.set("authorization", `Bearer ${password}`);
  }
  const identity = await resolveIdentity(web, deps.config, {
    apiToken: async (token) => {
      if ((verified.get(token) ?? 0) > Date.now()) return true;
      const ok = await verifyApiToken(deps.db, token);
      if (ok) verified.set(token, Date.now() + TRUST_MS);
      else verified.delete(token);
      return ok;
    },
    session: async () => false,
  });
  if (identity?.kind === "tailscale") await noteTailscaleIdentity(deps.db, identity.login);
  return identity;
}
