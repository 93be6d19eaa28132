import { createAlbum, createAlbumBody } from "@/lib/albums/create-album";
import { listAlbums } from "@/lib/albums/list-albums";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

export const GET = apiRoute(async (_request, { deps }) => Response.json({ albums: await listAlbums(deps.db) }));

/** `{title, description?, assetIds?}` → 201 `{id}`. */
export const POST = apiRoute(async (request, { deps }) => Response.json(await createAlbum(deps.db, createAlbumBody.parse(await readJson(request, { maxBytes: JSON_LIMITS.list }))), { status: 201 }));
