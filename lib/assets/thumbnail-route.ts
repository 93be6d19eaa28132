import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { pathSegment, type NodeRoute } from "@/lib/http/node-routes";
import { thumbnailResponse } from "@/lib/http/thumbnail-response";
import { writeWebResponse } from "@/lib/http/write-web-response";
import { openDerivative } from "./open-derivative";

const query = z.object({ size: z.enum(["sm", "md"]).default("sm"), v: z.string().max(64).optional() });

/** `GET /api/assets/{id}/thumbnail?size=sm|md&v=…`: a photo's thumbnail (lib/http/thumbnail-response.ts says how it is cached). */
export const getThumbnail = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const { size, v } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return thumbnailResponse(request, await openDerivative(deps.db, deps.paths, params.id, `thumb-${size}`), v ?? null);
});

/**
 * The thumbnail route, answered in front of Next.js (scripts/serve.ts). It is the request the
 * gallery makes most (a screen of tiles, hundreds in a fast scroll); through Next.js's routing
 * each one cost about twice the server CPU (README, under bench:timeline).
 */
export const THUMBNAIL_ROUTE: NodeRoute = {
  path: /^\/api\/assets\/([^/]+)\/thumbnail$/,
  methods: ["GET", "HEAD"],
  answer: async (request, res, [id]) => {
    // Decoded inside the route, so a malformed name gets apiRoute's 404 answer.
    const params = Promise.resolve().then(() => ({ id: pathSegment(id!) }));
    await writeWebResponse(res, await getThumbnail(request, { params }), request.method);
  },
};
