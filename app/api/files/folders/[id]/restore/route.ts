import { restoreEntry } from "@/lib/files/restore-entry";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

/** Takes a trashed folder back to where it was (as `name (2)` if the name was taken meanwhile). */
export const POST = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  return Response.json(await restoreEntry(deps.db, { type: "folder", id: params.id }));
}, { allow: ["owner"] });
