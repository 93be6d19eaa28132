import { apiRoute } from "@/lib/http/api-route";
import { getImport } from "@/lib/takeout/list-imports";

export const runtime = "nodejs";

/** Progress, and the verification report once the import is done. */
export const GET = apiRoute<{ id: string }>(async (_request, { deps, params }) => Response.json(await getImport(deps, params.id)));
