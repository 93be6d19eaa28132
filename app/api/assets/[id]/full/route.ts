import { openFullImage } from "@/lib/assets/open-full-image";
import { apiRoute } from "@/lib/http/api-route";
import { sendFile } from "@/lib/http/send-file";

export const runtime = "nodejs";

/** The photo at full resolution (the URL carries the turn, `?r=90`, so it is cached for good). */
export const GET = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const file = await openFullImage(deps.db, deps.paths, params.id, deps.config.maxPixels);
  return sendFile(request, file, { cacheControl: "private, max-age=31536000, immutable", disposition: "inline", fileName: file.fileName });
});
