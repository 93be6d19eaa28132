import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { z } from "zod";
import { openDerivative } from "@/lib/assets/open-derivative";
import { AppError } from "@/lib/errors";
import { thumbnailResponse } from "@/lib/http/thumbnail-response";
import { readJson } from "@/lib/http/read-json";
import type { ServerDeps } from "@/lib/server/deps";
import { assetZip } from "@/lib/zip/asset-zip";
import { writeZipResponse } from "@/lib/zip/write-zip-response";
import { isUnlocked, unlockShareLink } from "./guest-access";
import { gonePage, guestPage, lockedPage } from "./guest-page";
import { guestFileResponse } from "./guest-file";
import { resolveShareLink, type GuestLink } from "./resolve-share-link";
import { shareLinkAsset, shareLinkAssets } from "./share-link-assets";
import type { UnlockLimits } from "./unlock-limits";

export type ShareContext = { request: Request; deps: ServerDeps; link: GuestLink; token: string; params: string[]; peer: string; limits: () => Promise<UnlockLimits>; nonce: string; secure: boolean };

/**
 * What a share route needs before its handler runs, declared with it and enforced by the router:
 * `link` (an active link), `unlocked` (its passphrase given, if it has one), `download` (unlocked
 * and downloads allowed).
 */
type Needs = "link" | "unlocked" | "download";
type ShareRoute = { method: "GET" | "POST"; path: RegExp; needs: Needs; handle: (ctx: ShareContext) => Promise<ShareAnswer> };

/**
 * A route's answer: a web Response, or (a ZIP download) one written to the Node response itself,
 * its checks passed and its archive planned, so that only writing the bytes is left.
 */
export type ShareAnswer = Response | ((res: ServerResponse) => Promise<void>);

const html = (body: string, status = 200, extra: Record<string, string> = {}) => new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...extra } });

async function asset(ctx: ShareContext) {
  const found = await shareLinkAsset(ctx.deps.db, ctx.link, ctx.params[0]!);
  if (!found) throw new AppError("not_found", "Not part of this link.");
  return found;
}

const thumb = (size: "sm" | "md") => async (ctx: ShareContext) => thumbnailResponse(ctx.request, await openDerivative(ctx.deps.db, ctx.deps.paths, (await asset(ctx)).id, `thumb-${size}`), null);

/** Every route the share listener knows; nothing else answers there. */
export const SHARE_ROUTES: ShareRoute[] = [
  {
    method: "GET",
    path: /^$/,
    needs: "link",
    handle: async (ctx) => {
      if (!isUnlocked(ctx.link, ctx.request.headers.get("cookie"))) return html(lockedPage(ctx.link.title, ctx.token, ctx.nonce), 401);
      const assets = await shareLinkAssets(ctx.deps.db, ctx.link);
      return html(guestPage({ title: ctx.link.title, token: ctx.token, nonce: ctx.nonce, assets, allowDownload: ctx.link.allowDownload, showMetadata: ctx.link.showMetadata }));
    },
  },
  {
    method: "POST",
    path: /^\/unlock$/,
    needs: "link",
    handle: async (ctx) => {
      const form = (ctx.request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
      const raw = form ? Object.fromEntries(new URLSearchParams(await ctx.request.text())) : await readJson(ctx.request);
      const { passphrase } = z.object({ passphrase: z.string().max(1024) }).parse(raw);
      const result = await unlockShareLink(ctx.link, ctx.token, passphrase, ctx.peer, await ctx.limits(), ctx.secure);
      if (result.ok) {
        const headers: Record<string, string> = result.cookie ? { "Set-Cookie": result.cookie } : {};
        return form ? new Response(null, { status: 303, headers: { ...headers, Location: `/s/${ctx.token}` } }) : Response.json({ ok: true }, { headers });
      }
      const message = result.retryAfterMs > 0 ? `Too many wrong passphrases; try again in ${Math.ceil(result.retryAfterMs / 60_000)} min.` : "That passphrase is not right.";
      const status = result.retryAfterMs > 0 ? 429 : 401;
      const retry: Record<string, string> = result.retryAfterMs > 0 ? { "Retry-After": String(Math.ceil(result.retryAfterMs / 1000)) } : {};
      return form ? html(lockedPage(ctx.link.title, ctx.token, ctx.nonce, message), status, retry) : Response.json({ error: { code: status === 429 ? "rate_limited" : "unauthorized", message } }, { status, headers: retry });
    },
  },
  {
    method: "GET",
    path: /^\/download\.zip$/,
    needs: "download",
    handle: async (ctx) => {
      const assets = await shareLinkAssets(ctx.deps.db, ctx.link);
      const zip = await assetZip(ctx.deps.db, ctx.deps.paths, assets, ctx.link.showMetadata ? "exact" : "guest");
      return (res) => writeZipResponse(ctx.request, res, zip, { fileName: `${ctx.link.title}.zip` });
    },
  },
  {
    method: "GET",
    path: /^\/assets\/([A-Za-z0-9_-]{1,64})\/original$/,
    needs: "unlocked",
    handle: async (ctx) => {
      const found = await asset(ctx);
      // Videos play from the original; photos are viewed as previews, so their originals are downloads.
      if (found.kind !== "video" && !ctx.link.allowDownload) throw new AppError("forbidden", "Downloads are turned off for this link.");
      const attachment = new URL(ctx.request.url).searchParams.get("download") === "1" && ctx.link.allowDownload;
      return guestFileResponse(ctx.request, ctx.deps.db, ctx.deps.paths, found, { showMetadata: ctx.link.showMetadata, attachment });
    },
  },
  { method: "GET", path: /^\/assets\/([A-Za-z0-9_-]{1,64})\/thumb$/, needs: "unlocked", handle: thumb("sm") },
  { method: "GET", path: /^\/assets\/([A-Za-z0-9_-]{1,64})\/preview$/, needs: "unlocked", handle: thumb("md") },
];

const SHARE_PATH = /^\/s\/([^/]+)(\/.*)?$/;

function errorAnswer(error: AppError): Response {
  return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Answers one request on the share listener: a route of SHARE_ROUTES for an active link, with
 * what it declared it needs enforced here; a clear page for an expired, revoked or unknown link;
 * 404 for every other path, method, header or credential (owner cookies and tokens mean nothing here).
 */
export async function handleShareRequest(request: Request, env: { deps: () => Promise<ServerDeps>; limits: () => Promise<UnlockLimits>; peer: string; secure: boolean }): Promise<{ response: ShareAnswer; nonce: string }> {
  const nonce = randomBytes(16).toString("base64");
  const url = new URL(request.url);
  const method = request.method === "HEAD" ? "GET" : request.method;
  const match = SHARE_PATH.exec(url.pathname);
  const sub = match?.[2] ?? "";
  const route = match ? SHARE_ROUTES.find((r) => r.method === method && r.path.test(sub)) : undefined;
  if (!match || !route) return { response: html(gonePage("unknown", nonce), 404), nonce };
  try {
    const deps = await env.deps();
    const token = match[1]!; // a token is base64url: anything percent-encoded is not one
    const lookup = await resolveShareLink(deps.db, token, { hit: sub === "" && method === "GET" });
    if (lookup.state !== "active") {
      const status = lookup.state === "unknown" ? 404 : 410;
      return { response: sub === "" ? html(gonePage(lookup.state, nonce), status) : errorAnswer(new AppError("not_found", `This link is ${lookup.state === "unknown" ? "not valid" : lookup.state}.`)), nonce };
    }
    const { link } = lookup;
    if (route.needs !== "link" && !isUnlocked(link, request.headers.get("cookie"))) throw new AppError("unauthorized", "Give the passphrase first.");
    if (route.needs === "download" && !link.allowDownload) throw new AppError("forbidden", "Downloads are turned off for this link.");
    const params = route.path.exec(sub)!.slice(1);
    return { response: await route.handle({ request, deps, link, token, params, peer: env.peer, limits: env.limits, nonce, secure: env.secure }), nonce };
  } catch (error) {
    if (error instanceof AppError) return { response: errorAnswer(error), nonce };
    if (error instanceof z.ZodError) return { response: errorAnswer(new AppError("bad_request", "Malformed request.")), nonce };
    console.error("share listener: unhandled error", error);
    return { response: errorAnswer(new AppError("internal", "Something went wrong.")), nonce };
  }
}
