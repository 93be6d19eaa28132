import { AppError } from "@/lib/errors";
import type { Identity } from "./resolve-identity";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses cross-site state changes made with ambient credentials (Tailscale identity, session
 * cookie, local trust): `Sec-Fetch-Site` must be same-origin/none, or `Origin` must be ours.
 * Token-authenticated calls are exempt (a page cannot attach the token). Requests carrying neither
 * header do not come from a browser and pass.
 */
export function checkCsrf(request: Request, identity: Identity | null): void {
  if (SAFE_METHODS.has(request.method) || identity?.kind === "token") return;
  const site = request.headers.get("sec-fetch-site");
  if (site) {
    if (site === "same-origin" || site === "none") return;
    throw new AppError("forbidden", `Cross-site request refused (Sec-Fetch-Site: ${site}).`);
  }
  const origin = request.headers.get("origin");
  if (origin && origin !== ownOrigin(request)) throw new AppError("forbidden", `Cross-origin request refused (Origin: ${origin}).`);
}

function ownOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
