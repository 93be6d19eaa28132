import { openDerivative } from "@/lib/assets/open-derivative";
import { apiRoute } from "@/lib/http/api-route";
import { derivativeResponse } from "@/lib/http/derivative-response";

export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(async (request, { deps, params }) =>
  derivativeResponse(request, await openDerivative(deps.db, deps.paths, params.id, "motion-video")),
);
