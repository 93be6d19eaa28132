import { revokeApiToken } from "@/lib/auth/api-tokens";
import { apiRoute, requireInteractive } from "@/lib/http/api-route";

export const runtime = "nodejs";

export const DELETE = apiRoute<{ id: string }>(async (_request, { deps, identity, params }) => {
  requireInteractive(identity);
  await revokeApiToken(deps.db, params.id);
  return new Response(null, { status: 204 });
});
