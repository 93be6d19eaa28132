import { apiRoute } from "@/lib/http/api-route";
import { listPlaces } from "@/lib/places/list-places";

export const runtime = "nodejs";

/** Countries → regions/cities with photo counts. A place's photos: /api/search?place={name}. */
export const GET = apiRoute(async (_request, { deps }) => Response.json({ countries: await listPlaces(deps.db) }));
