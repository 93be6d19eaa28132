import { apiRoute, requireInteractive } from "@/lib/http/api-route";
import { readRecentProblems } from "@/lib/logs/read-recent-problems";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The last warnings and errors of the log files (secrets were redacted before they were written). */
export const GET = apiRoute(async (_request, { deps, identity }) => {
  requireInteractive(identity);
  return Response.json({ entries: readRecentProblems(deps.paths) }, { headers: { "Cache-Control": "no-store" } });
});
