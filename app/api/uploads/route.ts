import { createUpload, createUploadBody } from "@/lib/uploads/create-upload";
import { apiRoute, clientLabel } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

/** Starts a resumable upload: `{name, size, sha256?, capturedAt?, source?}` → `{id, offset, …}`. */
export const POST = apiRoute(async (request, { deps, identity }) => {
  const body = createUploadBody.parse(await readJson(request));
  return Response.json(await createUpload(deps, { ...body, client: clientLabel(identity) }), { status: 201 });
});
