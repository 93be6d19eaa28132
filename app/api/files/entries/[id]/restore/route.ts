import { restoreEntry } from "@/lib/files/restore-entry";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

/** Takes a trashed file back to its folder (as `name (2)` if the name was taken meanwhile). */
export const POST = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  return Response.json(await restoreEntry(deps.db, { type: "file", id: params.id }));
}, { allow: ["owner"] });
