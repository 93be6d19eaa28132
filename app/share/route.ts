import { checkCsrf } from "@/lib/auth/check-csrf";
import { AppError } from "@/lib/errors";
import { clientLabel, identify } from "@/lib/http/api-route";
import { getServerDeps } from "@/lib/server/deps";
import { createLogger } from "@/lib/server/logger";
import { ingestSharedFiles } from "@/lib/share/ingest-shared-files";

export const runtime = "nodejs";

const log = createLogger("share");

function toUploadScreen(params: Record<string, string>, drain = false): Response {
  const headers: Record<string, string> = { Location: `/upload?${new URLSearchParams(params)}`, "Cache-Control": "no-store" };
  if (drain) headers.Connection = "close"; // the unread rest of a refused body must not stall the socket
  return new Response(null, { status: 303, headers });
}

/**
 * The manifest's share_target when no service worker took the request (first visit, SW not yet
 * installed, or a post without the worker's key): ingest the files here and redirect to the upload screen with the counts. Every
 * outcome is a redirect, never a 5xx.
 *
 * CSRF: the share sheet's POST is a browser-initiated navigation (Sec-Fetch-Site: none), which
 * checkCsrf accepts along with same-origin. A cross-site form post is refused like on every other
 * route: it would let any page a tailnet browser visits add files to the library with the owner's
 * ambient identity. (The service worker handles only launches that carry its per-install key, see
 * service-worker/share-target.ts, and leaves every other post to /share to this route.)
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const deps = await getServerDeps();
    const identity = await identify(request.headers, deps);
    if (!identity) {
      await request.body?.cancel().catch(() => {});
      return toUploadScreen({ shareError: "Sign in first (Tailscale identity or the passphrase), then share again." }, true);
    }
    checkCsrf(request, identity);
    const results = await ingestSharedFiles(deps, { body: request.body, contentType: request.headers.get("content-type"), client: clientLabel(identity), signal: request.signal });
    const rejected = results.filter((r) => r.status === "rejected");
    return toUploadScreen({
      received: String(results.length - rejected.length),
      ...(rejected.length > 0 && { shareError: rejected.map((r) => `${r.name}: ${r.message}`).join("\n").slice(0, 1500) }),
    });
  } catch (error) {
    if (!(error instanceof AppError)) log.error("share failed", { error: String(error).slice(0, 2000) });
    const message = error instanceof AppError ? error.message : "Something went wrong on the box; see the server log.";
    return toUploadScreen({ shareError: message }, true);
  }
}

/** A bookmarked or reloaded /share lands on the upload screen. */
export function GET(): Response {
  return toUploadScreen({});
}
