import { apiRoute } from "@/lib/http/api-route";
import { areaQuery, listPhotosInArea } from "@/lib/places/list-photos-in-area";

export const runtime = "nodejs";

/** The photos inside `?south=&west=&north=&east=` (newest first, `limit` at most 500) and their total. */
export const GET = apiRoute(async (request, { deps }) => {
  const area = areaQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(listPhotosInArea(deps.paths.database, area));
});
