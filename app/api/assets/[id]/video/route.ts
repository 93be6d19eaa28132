import { z } from "zod";
import { openDerivative } from "@/lib/assets/open-derivative";
import { apiRoute } from "@/lib/http/api-route";
import { derivativeResponse } from "@/lib/http/derivative-response";

export const runtime = "nodejs";

// rendition: the web-playable copy of a video (or of a Motion Photo's clip); preview: the grid's silent clip.
const query = z.object({ variant: z.enum(["rendition", "preview"]) });

export const GET = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const { variant } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return derivativeResponse(request, await openDerivative(deps.db, deps.paths, params.id, variant));
});
