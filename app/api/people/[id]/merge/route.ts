import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { mergePeople } from "@/lib/people/merge-people";

export const runtime = "nodejs";

const body = z.object({ into: z.string().min(1).max(100) });

/** `{into}`: merges this person into another; answers `{undo}`, what POST /api/people/restore takes to undo it. */
export const POST = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  return Response.json({ undo: await mergePeople(deps.db, params.id, body.parse(await readJson(request)).into) });
});
