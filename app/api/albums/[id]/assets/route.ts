import { addAlbumAssets, albumAssetsBody } from "@/lib/albums/add-album-assets";
import { removeAlbumAssets } from "@/lib/albums/remove-album-assets";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

/** `{assetIds}` → `{added}`. */
export const POST = apiRoute<{ id: string }>(async (request, { deps, params }) => Response.json(await addAlbumAssets(deps.db, params.id, albumAssetsBody.parse(await readJson(request, { maxBytes: JSON_LIMITS.list })).assetIds)));

/** `{assetIds}` → `{removed}`. */
export const DELETE = apiRoute<{ id: string }>(async (request, { deps, params }) => Response.json(await removeAlbumAssets(deps.db, params.id, albumAssetsBody.parse(await readJson(request, { maxBytes: JSON_LIMITS.list })).assetIds)));
