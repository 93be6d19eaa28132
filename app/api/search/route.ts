import { apiRoute } from "@/lib/http/api-route";
import { searchAssets, searchQuery } from "@/lib/search/search-assets";

export const runtime = "nodejs";

/** Hybrid search: `?q=&from=&to=&kind=&person=&place=&album=&camera=&favorite=&limit=&cursor=`. */
export const GET = apiRoute(async (request, { deps }) => {
  const query = searchQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await searchAssets(deps, query));
});
