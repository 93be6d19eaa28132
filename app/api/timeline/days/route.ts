import { listTimelineDays, timelineDaysQuery } from "@/lib/assets/list-timeline-days";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

/** `?view=&tz=` → `{days: [{day, count}], total}`: the shape of the timeline, newest day first. */
export const GET = apiRoute(async (request, { deps }) => {
  const query = timelineDaysQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listTimelineDays(deps.db, query));
});
