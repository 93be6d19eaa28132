import { z } from "zod";

/**
 * The published address of the share listener, as guests reach it (e.g. the `tailscale funnel`
 * name): an http(s) origin with no path, query or credentials, normalised (`https://a.b:8443`).
 */
export const publicOrigin = z
  .url({ protocol: /^https?$/, error: "must be the http(s) address guests open, e.g. https://albums.tailnet-name.ts.net" })
  .refine((value) => {
    if (!URL.canParse(value)) return true; // reported by the check above
    const url = new URL(value);
    return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
  }, "must be an origin only (scheme, host and port), without a path, query or user")
  .transform((value) => new URL(value).origin);
