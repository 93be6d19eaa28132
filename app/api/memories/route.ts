import { apiRoute } from "@/lib/http/api-route";
import { listMemories, memoriesQuery } from "@/lib/memories/list-memories";

export const runtime = "nodejs";

/** `?date=&around=&tz=` → `{date, memories: [{year, yearsAgo, items}]}`. */
export const GET = apiRoute(async (request, { deps }) => Response.json(await listMemories(deps.db, memoriesQuery.parse(Object.fromEntries(new URL(request.url).searchParams)))));
