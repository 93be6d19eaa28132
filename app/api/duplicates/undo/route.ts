import { resolveUndo } from "@/lib/duplicates/resolve-duplicates";
import { undoResolve } from "@/lib/duplicates/undo-resolve";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

/** The `undo` a resolve answered → `{restored}`. */
export const POST = apiRoute(async (request, { deps }) => Response.json(await undoResolve(deps.db, resolveUndo.parse(await readJson(request, { maxBytes: JSON_LIMITS.list })))));
