import { apiRoute } from "@/lib/http/api-route";
import { getProblems } from "@/lib/health/get-problems";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What needs the owner's attention: missing or unreadable originals, quarantine, backups, disk, worker, egress, journal. */
export const GET = apiRoute(async (_request, { deps }) => Response.json(await getProblems(deps), { headers: { "Cache-Control": "no-store" } }));
