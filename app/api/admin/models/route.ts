import { apiRoute } from "@/lib/http/api-route";
import { modelStatus } from "@/lib/ml/model-status";

export const runtime = "nodejs";

/** Which ML models are present or missing, and how to get each. */
export const GET = apiRoute(async (_request, { deps }) => Response.json({ models: await modelStatus(deps.config) }));
