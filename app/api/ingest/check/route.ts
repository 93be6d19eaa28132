import { checkPresent, checkPresentBody } from "@/lib/assets/check-present";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

export const POST = apiRoute(async (request, { deps }) => {
  const { sha256 } = checkPresentBody.parse(await readJson(request, { maxBytes: JSON_LIMITS.list }));
  return Response.json({ present: await checkPresent(deps.db, sha256) });
});
