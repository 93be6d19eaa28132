import { listDuplicates } from "@/lib/duplicates/list-duplicates";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

/** Near-duplicate groups (perceptual hash, CLIP when present), each copy with its facts, best first. */
export const GET = apiRoute(async (_request, { deps }) => Response.json(await listDuplicates(deps.db, deps.paths.database)));
