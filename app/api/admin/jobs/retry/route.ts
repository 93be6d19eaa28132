import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";
import { retryJobs, retryJobsBody } from "@/lib/jobs/retry-jobs";

export const runtime = "nodejs";

/** `{ids}` or `{kind?}` → `{retried}`: failed jobs run again. */
export const POST = apiRoute(async (request, { deps }) => Response.json(await retryJobs(deps.db, retryJobsBody.parse(await readJson(request, { maxBytes: JSON_LIMITS.list })))));
