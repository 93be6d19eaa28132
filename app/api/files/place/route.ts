import { placeBody } from "@/lib/file-browser/files-input";
import { placeIntoFolder } from "@/lib/file-browser/place-into-folder";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

/** `{assetId, folderId, path}`: files an asset sent through `/api/uploads` (big files) into the tree. */
export const POST = apiRoute(async (request, { deps }) => {
  const placed = await placeIntoFolder(deps, placeBody.parse(await readJson(request)));
  return Response.json(placed.entry, { status: placed.created ? 201 : 200 });
}, { allow: ["owner"] });
