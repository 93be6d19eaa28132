import { apiRoute } from "@/lib/http/api-route";
import { getJobProgress } from "@/lib/jobs/get-job-progress";

export const runtime = "nodejs";

/** Per kind: counts, rate and ETA; the latest failures. */
export const GET = apiRoute(async (_request, { deps }) => Response.json(await getJobProgress(deps.db, deps.config)));
