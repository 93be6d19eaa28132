import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { mergePeople } from "@/lib/people/merge-people";

export const runtime = "nodejs";

const body = z.object({ into: z.string().min(1).max(100) });

/** `{into}`: merges this person into another. */
export const POST = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  await mergePeople(deps.db, params.id, body.parse(await readJson(request)).into);
  return new Response(null, { status: 204 });
});
