import { dismissDuplicates, dismissDuplicatesBody } from "@/lib/duplicates/dismiss-duplicates";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

/** `{ids}` → `{dismissed}`: these photos are not duplicates of each other (remembered). */
export const POST = apiRoute(async (request, { deps }) => Response.json(await dismissDuplicates(deps.db, dismissDuplicatesBody.parse(await readJson(request)))));
