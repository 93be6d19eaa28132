import { apiRoute } from "@/lib/http/api-route";
import { listPhotoPoints } from "@/lib/places/list-photo-points";

export const runtime = "nodejs";

/** Every geotagged photo as `[id, latitude, longitude]`, for the Places map. */
export const GET = apiRoute(async (_request, { deps }) => Response.json({ points: listPhotoPoints(deps.paths.database) }));
