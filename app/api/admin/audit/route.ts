import { ingestAuditQuery, listIngestAudit } from "@/lib/audit/list-ingest-audit";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

/** `?outcome=&source=&q=&cursor=&limit=` → `{items, nextCursor}`. */
export const GET = apiRoute(async (request, { deps }) => Response.json(await listIngestAudit(deps.db, ingestAuditQuery.parse(Object.fromEntries(new URL(request.url).searchParams)))));
