import { listAssets, listAssetsQuery } from "@/lib/assets/list-assets";
import { updateAssets, updateAssetsBody } from "@/lib/assets/update-assets";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

export const GET = apiRoute(async (request, { deps }) => {
  const query = listAssetsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listAssets(deps.db, query));
});

/** Bulk changes: `{ids, favorite?, archived?, trashed?, description?}` → `{updated}`. */
export const PATCH = apiRoute(async (request, { deps }) => Response.json(await updateAssets(deps.db, updateAssetsBody.parse(await readJson(request, { maxBytes: JSON_LIMITS.list })))));
