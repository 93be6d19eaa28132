import { createFolder } from "@/lib/files/create-folder";
import { createFolderBody } from "@/lib/file-browser/files-input";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

/** `{parentId, name}` → the new folder (201); 409 `name_taken`, 404 for a missing parent, 422 for an unusable name. */
export const POST = apiRoute(async (request, { deps }) => {
  return Response.json(await createFolder(deps.db, createFolderBody.parse(await readJson(request))), { status: 201 });
}, { allow: ["owner"] });
