import { editAsset, editAssetBody } from "@/lib/assets/edit-asset";
import { getAsset } from "@/lib/assets/get-asset";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

/** The owner's turn, capture time or position of a photo (null reverts a part); answers the asset as it is now. */
export const PATCH = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  await editAsset(deps.db, params.id, editAssetBody.parse(await readJson(request)));
  return Response.json(await getAsset(deps.db, params.id));
});
