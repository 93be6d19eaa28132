import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { reverseGeocode } from "@/lib/places/reverse-geocode";

export const runtime = "nodejs";

const query = z.object({ lat: z.coerce.number().min(-90).max(90), lon: z.coerce.number().min(-180).max(180) });

/** The town, region and country of a position (offline), as a photo placed there would be named: for picking a place on the map. */
export const GET = apiRoute(async (request) => {
  const { lat, lon } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ place: reverseGeocode(lat, lon) });
});
