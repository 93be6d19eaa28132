import { apiRoute } from "@/lib/http/api-route";
import { findNearDuplicates } from "@/lib/search/find-near-duplicates";

export const runtime = "nodejs";

/** Groups of near-duplicate photos (CLIP), for a review screen. */
export const GET = apiRoute(async (_request, { deps }) => Response.json(findNearDuplicates(deps.paths.database)));
