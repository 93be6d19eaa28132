import "server-only";
import { ZodError } from "zod";
import { resolveIdentity, type Identity } from "@/lib/auth/resolve-identity";
import { AppError } from "@/lib/errors";
import { getServerDeps, type ServerDeps } from "@/lib/server/deps";
import { createLogger } from "@/lib/server/logger";

const log = createLogger("api");

export type ApiContext<P> = { deps: ServerDeps; identity: Identity; params: P };

/** `{error:{code,message}}` with the status of its code. */
export function errorResponse(error: AppError): Response {
  return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status });
}

/**
 * Wraps a route handler: resolves the identity (401 without one), hands over the server deps and
 * maps AppError/ZodError to their JSON error; anything else is logged and answered as a 500.
 */
export function apiRoute<P = Record<string, never>>(
  handler: (request: Request, ctx: ApiContext<P>) => Promise<Response>,
  options: { onUnauthorized?: (deps: ServerDeps) => Promise<void> } = {},
) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const deps = await getServerDeps();
      const identity = resolveIdentity(request.headers, deps.config);
      if (!identity) {
        await options.onUnauthorized?.(deps);
        await request.body?.cancel().catch(() => {});
        return errorResponse(new AppError("unauthorized", "Sign in: use the owner's Tailscale identity or an API token."));
      }
      return await handler(request, { deps, identity, params: await route.params });
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      if (error instanceof ZodError) {
        return errorResponse(new AppError("bad_request", error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")));
      }
      log.error("unhandled error", { url: request.url, error: (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 2000) });
      return errorResponse(new AppError("internal", "Something went wrong on the box; see the server log."));
    }
  };
}

/** Describes an identity for the audit log. */
export function clientLabel(identity: Identity): string {
  return `${identity.kind}:${identity.login}`;
}
