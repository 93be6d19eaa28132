import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";
import { createShareLink } from "@/lib/share-links/create-share-link";
import { listShareLinks } from "@/lib/share-links/list-share-links";

export const runtime = "nodejs";

const Body = z.object({
  albumId: z.string().min(1).max(64).optional(),
  assetIds: z.array(z.string().min(1).max(64)).min(1).max(10_000).optional(),
  passphrase: z.string().min(6).max(256).optional(),
  expiresAt: z.coerce.date().optional(),
  allowDownload: z.boolean().optional(),
  showMetadata: z.boolean().optional(),
});

// Making something public is the owner's act: API tokens may not (declared, not remembered).
export const POST = apiRoute(async (request, { deps }) => {
  const input = Body.parse(await readJson(request, { maxBytes: JSON_LIMITS.list }));
  return Response.json(await createShareLink(deps.db, input), { status: 201 });
}, { allow: ["owner"] });

export const GET = apiRoute(async (request, { deps }) => {
  const albumId = new URL(request.url).searchParams.get("albumId") ?? undefined;
  return Response.json({ items: await listShareLinks(deps.db, { albumId }), sharePort: deps.config.sharePort });
}, { allow: ["owner"] });
