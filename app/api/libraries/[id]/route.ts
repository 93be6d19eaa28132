import { apiRoute } from "@/lib/http/api-route";
import { removeLibrary } from "@/lib/libraries/remove-library";

export const runtime = "nodejs";

/** Removes the library and, from the gallery, its assets that live nowhere else; its files are not touched. */
export const DELETE = apiRoute<{ id: string }>(async (_request, { deps, params }) => Response.json(await removeLibrary(deps, params.id), { status: 200 }));
