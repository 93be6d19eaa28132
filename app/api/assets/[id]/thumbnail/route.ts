import { z } from "zod";
import { openDerivative } from "@/lib/assets/open-derivative";
import { apiRoute } from "@/lib/http/api-route";
import { thumbnailResponse } from "@/lib/http/thumbnail-response";

export const runtime = "nodejs";

const query = z.object({ size: z.enum(["sm", "md"]).default("sm"), v: z.string().max(64).optional() });

export const GET = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const { size, v } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return thumbnailResponse(request, await openDerivative(deps.db, deps.paths, params.id, `thumb-${size}`), v ?? null);
});
