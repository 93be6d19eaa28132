import { apiRoute } from "@/lib/http/api-route";
import { listPeople } from "@/lib/people/list-people";

export const runtime = "nodejs";

/** People (face clusters); `?hidden=1` includes hidden ones. A person's photos: /api/search?person={id}. */
export const GET = apiRoute(async (request, { deps }) => {
  const includeHidden = new URL(request.url).searchParams.get("hidden") === "1";
  return Response.json({ people: await listPeople(deps.db, { includeHidden }) });
});
