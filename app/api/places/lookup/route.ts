import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { findPlaces } from "@/lib/places/find-places";

export const runtime = "nodejs";

const query = z.object({ q: z.string().max(100).default("") });

/** Towns whose name starts with `q` (offline), for typing a photo's place. */
export const GET = apiRoute(async (request) => {
  const { q } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ places: findPlaces(q) });
});
