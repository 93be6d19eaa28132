import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";
import { createShareLink } from "@/lib/share-links/create-share-link";
import { listShareLinks } from "@/lib/share-links/list-share-links";
import { readSharePublicUrl } from "@/lib/share-links/share-public-url";

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
// `url` is the path on the share listener; `publicUrl` the whole address guests open, when the
// listener's published address is set (ALBUMS_SHARE_PUBLIC_URL or Settings), else null.
export const POST = apiRoute(async (request, { deps }) => {
  const input = Body.parse(await readJson(request, { maxBytes: JSON_LIMITS.list }));
  const link = await createShareLink(deps.db, input);
  const { publicUrl } = await readSharePublicUrl(deps.db, deps.config.sharePublicUrl);
  return Response.json({ ...link, publicUrl: publicUrl ? publicUrl + link.url : null }, { status: 201 });
}, { allow: ["owner"] });

export const GET = apiRoute(async (request, { deps }) => {
  const albumId = new URL(request.url).searchParams.get("albumId") ?? undefined;
  return Response.json({ items: await listShareLinks(deps.db, { albumId }), sharePort: deps.config.sharePort, ...(await readSharePublicUrl(deps.db, deps.config.sharePublicUrl)) });
}, { allow: ["owner"] });
