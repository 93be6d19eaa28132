import { apiRoute } from "@/lib/http/api-route";
import { revokeShareLink } from "@/lib/share-links/revoke-share-link";

export const runtime = "nodejs";

export const DELETE = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  await revokeShareLink(deps.db, params.id);
  return new Response(null, { status: 204 });
}, { allow: ["owner"] });
