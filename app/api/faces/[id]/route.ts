import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { moveFace, moveFaceBody } from "@/lib/people/move-face";

export const runtime = "nodejs";

/** `{personId}` moves a face to that person; `{personId: null}` moves it out to a new person. */
export const PATCH = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  return Response.json(await moveFace(deps.db, params.id, moveFaceBody.parse(await readJson(request)).personId));
});
