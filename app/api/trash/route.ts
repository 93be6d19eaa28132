import { z } from "zod";
import { purgeTrash } from "@/lib/assets/purge-trash";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

const body = z.union([z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(5000) }), z.object({ all: z.literal(true) })]);

/** Deletes for good: `{ids}` (trashed ones only) or `{all: true}` (empty the trash) → `{purged, filesDeleted}`. */
export const DELETE = apiRoute(async (request, { deps }) => Response.json(await purgeTrash(deps, body.parse(await readJson(request, { maxBytes: JSON_LIMITS.list })))));
