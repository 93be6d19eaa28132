import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";
import { personRestore, restorePerson } from "@/lib/people/restore-person";

export const runtime = "nodejs";

/** Undoes a merge or a face move: the body is the `undo` their answers carried. */
export const POST = apiRoute(async (request, { deps }) => {
  await restorePerson(deps.db, personRestore.parse(await readJson(request, { maxBytes: JSON_LIMITS.list })));
  return new Response(null, { status: 204 });
});
