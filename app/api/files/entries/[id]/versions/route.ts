import { listVersions } from "@/lib/files/list-versions";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

/** The file's previous contents, newest first. */
export const GET = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  return Response.json({ versions: await listVersions(deps.db, params.id) }, { headers: { "Cache-Control": "no-store" } });
}, { allow: ["owner"] });
