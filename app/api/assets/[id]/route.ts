import { getAsset } from "@/lib/assets/get-asset";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(async (_request, { deps, params }) => Response.json(await getAsset(deps.db, params.id, deps.paths)));
