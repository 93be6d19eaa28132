import { deleteAlbum } from "@/lib/albums/delete-album";
import { getAlbum } from "@/lib/albums/get-album";
import { updateAlbum, updateAlbumBody } from "@/lib/albums/update-album";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(async (_request, { deps, params }) => Response.json(await getAlbum(deps.db, params.id)));

/** `{title?, description?, coverAssetId?, sort?}`. */
export const PATCH = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  await updateAlbum(deps.db, params.id, updateAlbumBody.parse(await readJson(request)));
  return new Response(null, { status: 204 });
});

/** Deletes the album; its photos stay in the library. */
export const DELETE = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  await deleteAlbum(deps.db, params.id);
  return new Response(null, { status: 204 });
});
