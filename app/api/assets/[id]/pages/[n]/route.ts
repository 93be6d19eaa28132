import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { derivativeResponse } from "@/lib/http/derivative-response";
import { openPdfPage } from "@/lib/previews/open-pdf-page";

export const runtime = "nodejs";

const Page = z.coerce.number().int().min(1).max(100_000);

/** Page `n` (1-based) of a PDF as a WebP image, rendered on the box once and cached. */
export const GET = apiRoute<{ id: string; n: string }>(async (request, { deps, params }) => {
  return derivativeResponse(request, await openPdfPage(deps.db, deps.paths, params.id, Page.parse(params.n)));
});
