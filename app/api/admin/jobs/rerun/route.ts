import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { rerunJobs, rerunJobsBody } from "@/lib/jobs/rerun-jobs";

export const runtime = "nodejs";

/** `{kind}` → `{queued}`: re-runs that job over the whole library (reindex). */
export const POST = apiRoute(async (request, { deps }) => Response.json(await rerunJobs(deps.db, rerunJobsBody.parse(await readJson(request)))));
