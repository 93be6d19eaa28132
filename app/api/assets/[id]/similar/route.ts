import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { findSimilar } from "@/lib/search/find-similar";

export const runtime = "nodejs";

const query = z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) });

/** Photos that look like this one (CLIP neighbours). */
export const GET = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const { limit } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await findSimilar(deps, params.id, limit));
});
