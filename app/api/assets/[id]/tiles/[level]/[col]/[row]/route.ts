import { z } from "zod";
import { openImageTile } from "@/lib/assets/open-image-tile";
import { apiRoute } from "@/lib/http/api-route";
import { sendFile } from "@/lib/http/send-file";

export const runtime = "nodejs";

const tile = z.object({ level: z.coerce.number().int().min(0).max(40), col: z.coerce.number().int().min(0), row: z.coerce.number().int().min(0) });

/** One deep-zoom tile of a very large photo (the URL carries the turn, `?r=90`, so it is cached for good). */
export const GET = apiRoute<{ id: string; level: string; col: string; row: string }>(async (request, { deps, params }) => {
  const file = await openImageTile(deps.db, deps.paths, params.id, tile.parse(params), deps.config.maxPixels);
  return sendFile(request, file, { cacheControl: "private, max-age=31536000, immutable", disposition: "inline", fileName: file.fileName });
});
