import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { updatePerson, updatePersonBody } from "@/lib/people/update-person";

export const runtime = "nodejs";

/** `{name?, hidden?}`: names or hides a person. */
export const PATCH = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  await updatePerson(deps.db, params.id, updatePersonBody.parse(await readJson(request)));
  return new Response(null, { status: 204 });
});
