import { apiRoute } from "@/lib/http/api-route";
import { requestLibraryScan } from "@/lib/libraries/request-library-scan";

export const runtime = "nodejs";

/** Asks the worker to scan this library now → 202. */
export const POST = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  await requestLibraryScan(deps.db, params.id);
  return new Response(null, { status: 202 });
});
