import { resolveDuplicates, resolveDuplicatesBody } from "@/lib/duplicates/resolve-duplicates";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

/** `{keepId, trashIds}` → `{trashed, undo}`: trashes the copies, moving albums/favourite/description to the kept one. */
export const POST = apiRoute(async (request, { deps }) => Response.json(await resolveDuplicates(deps.db, resolveDuplicatesBody.parse(await readJson(request)))));
