import { checkPresent, checkPresentBody } from "@/lib/assets/check-present";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

export const POST = apiRoute(async (request, { deps }) => {
  const json: unknown = await request.json().catch(() => {
    throw new AppError("bad_request", "The body must be JSON: {\"sha256\": [...]}.");
  });
  const { sha256 } = checkPresentBody.parse(json);
  return Response.json({ present: await checkPresent(deps.db, sha256) });
});
