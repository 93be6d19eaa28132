import "server-only";
import type { ServerResponse } from "node:http";
import { ZodError } from "zod";
import { verifyApiToken } from "@/lib/auth/api-tokens";
import { checkCsrf } from "@/lib/auth/check-csrf";
import { noteTailscaleIdentity } from "@/lib/auth/note-tailscale-identity";
import { resolveIdentity, type Identity } from "@/lib/auth/resolve-identity";
import { findSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { writeWebResponse } from "@/lib/http/write-web-response";
import { getServerDeps, type ServerDeps } from "@/lib/server/deps";
import { createLogger } from "@/lib/server/logger";

const log = createLogger("api");

export type ApiContext<P, I = Identity> = { deps: ServerDeps; identity: I; params: P };

/**
 * Who may call a route, declared with it: `owner` (Tailscale owner, passphrase session, this
 * machine) and `token` (a script's API token). Share-link guests never reach `app/` at all: the
 * share listener (lib/share-links/share-server.ts) has its own routes.
 */
export type Audience = "owner" | "token";

type RouteOptions = {
  /** Called before answering 401 (e.g. to audit a refused upload). */
  onUnauthorized?: (deps: ServerDeps) => Promise<void>;
  /** Who may call it (default: owner and token). */
  allow?: Audience[];
};

/** `{error:{code,message}}` with the status of its code. */
export function errorResponse(error: AppError): Response {
  const headers = error.code === "rate_limited" ? { "Retry-After": "60" } : undefined;
  return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
}

/** The identity behind request headers (API token, Tailscale owner, session, or local), or null. */
export async function identify(headers: Headers, deps: ServerDeps): Promise<Identity | null> {
  const identity = await resolveIdentity(headers, deps.config, {
    apiToken: (token) => verifyApiToken(deps.db, token),
    session: async (token) => (await findSession(deps.db, token)) !== null,
  });
  if (identity?.kind === "tailscale") await noteTailscaleIdentity(deps.db, identity.login);
  return identity;
}

function toAppError(request: Request, error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("bad_request", error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  log.error("unhandled error", { url: request.url, error: (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 2000) });
  return new AppError("internal", "Something went wrong on the box; see the server log.");
}

/**
 * An error answer. A request whose body may be only partly read (an upload refused midway) gets
 * `Connection: close`, so the unread rest cannot stall the next request on a kept-alive socket.
 */
function failure(request: Request, error: unknown): Response {
  const response = errorResponse(toAppError(request, error));
  if (request.body) response.headers.set("Connection", "close");
  return response;
}

/**
 * The checks every owner route makes before its handler: the identity (401 without one), who may
 * call it (403), cross-site state changes made with ambient credentials (403); the server deps.
 */
async function guard(request: Request, options: RouteOptions): Promise<{ deps: ServerDeps; identity: Identity }> {
  const deps = await getServerDeps();
  const identity = await identify(request.headers, deps);
  if (!identity) {
    await options.onUnauthorized?.(deps);
    await request.body?.cancel().catch(() => {});
    throw new AppError("unauthorized", "Sign in: use the owner's Tailscale identity, the passphrase, or an API token.");
  }
  if (!(options.allow ?? ["owner", "token"]).includes(identity.kind === "token" ? "token" : "owner")) {
    await request.body?.cancel().catch(() => {});
    throw new AppError("forbidden", identity.kind === "token" ? "API tokens cannot call this; sign in as the owner." : "Only API tokens may call this.");
  }
  checkCsrf(request, identity);
  return { deps, identity };
}

/**
 * Wraps a route handler: resolves the identity (401 without one), refuses cross-site state
 * changes made with ambient credentials (403), hands over the server deps, and maps
 * AppError/ZodError to their JSON error; anything else is logged and answered as a 500.
 */
export function apiRoute<P = Record<string, never>>(handler: (request: Request, ctx: ApiContext<P>) => Promise<Response>, options: RouteOptions = {}) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      return await handler(request, { ...(await guard(request, options)), params: await route.params });
    } catch (error) {
      return failure(request, error);
    }
  };
}

/**
 * Like apiRoute for a route that writes its answer to the Node response itself, in front of
 * Next.js (scripts/serve.ts: the ZIP downloads, lib/downloads/owner-zip-routes.ts): the same checks,
 * the same JSON errors while nothing is sent yet; a failure after the headers is logged (unless
 * the client went away) and cuts the connection.
 */
export function nodeApiRoute<P>(handler: (request: Request, res: ServerResponse, ctx: ApiContext<P>) => Promise<void>, options: RouteOptions = {}) {
  return async (request: Request, res: ServerResponse, params: P): Promise<void> => {
    try {
      await handler(request, res, { ...(await guard(request, options)), params });
    } catch (error) {
      if (res.headersSent) {
        if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") toAppError(request, error);
        res.destroy();
        return;
      }
      await writeWebResponse(res, failure(request, error), request.method);
    }
  };
}

/** Like apiRoute for routes anyone may call (login): identity optional, CSRF still checked. */
export function publicRoute(handler: (request: Request, ctx: ApiContext<Record<string, never>, Identity | null>) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      const deps = await getServerDeps();
      const identity = await identify(request.headers, deps);
      checkCsrf(request, identity);
      return await handler(request, { deps, identity, params: {} });
    } catch (error) {
      return failure(request, error);
    }
  };
}

/** Owner-only routes that must not be reachable with a script's API token (minting tokens…). */
export function requireInteractive(identity: Identity): void {
  if (identity.kind === "token") throw new AppError("forbidden", "API tokens cannot manage credentials; sign in as the owner.");
}

/** Describes an identity for the audit log. */
export function clientLabel(identity: Identity): string {
  return `${identity.kind}:${identity.login}`;
}
