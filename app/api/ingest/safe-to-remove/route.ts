import { checkSafeToRemove } from "@/lib/assets/check-safe-to-remove";
import { safeToRemoveBody } from "@/lib/folder-backup/safe-to-remove";
import { apiRoute, requireInteractive } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

/** The phone's "Free up space": which of its files the box (and a verified off-box backup) keeps. Owner only. */
export const POST = apiRoute(async (request, { deps, identity }) => {
  requireInteractive(identity);
  const { sha256 } = safeToRemoveBody.parse(await readJson(request, { maxBytes: JSON_LIMITS.list }));
  return Response.json(await checkSafeToRemove(deps, sha256));
});
