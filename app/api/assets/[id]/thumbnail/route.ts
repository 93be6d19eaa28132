import { z } from "zod";
import { openDerivative } from "@/lib/assets/open-derivative";
import { apiRoute } from "@/lib/http/api-route";
import { derivativeResponse } from "@/lib/http/derivative-response";

export const runtime = "nodejs";

const query = z.object({ size: z.enum(["sm", "md"]).default("sm") });

export const GET = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const { size } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return derivativeResponse(request, await openDerivative(deps.db, deps.paths, params.id, `thumb-${size}`));
});
