import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { keepPartBody, keepUploadedPart } from "@/lib/takeout/keep-uploaded-part";

export const runtime = "nodejs";

/** `{uploadId}` of a finished resumable upload of a Takeout part → `{path}` for POST /api/imports. */
export const POST = apiRoute(async (request, { deps }) => {
  const { uploadId } = keepPartBody.parse(await readJson(request));
  return Response.json(await keepUploadedPart(deps.db, deps.paths, uploadId), { status: 201 });
});
