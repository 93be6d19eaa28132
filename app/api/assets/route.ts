import { listAssets, listAssetsQuery } from "@/lib/assets/list-assets";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

export const GET = apiRoute(async (request, { deps }) => {
  const query = listAssetsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listAssets(deps.db, query));
});
