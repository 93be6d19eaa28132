import { z } from "zod";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { publicOrigin } from "@/lib/share-links/public-origin";
import { readSharePublicUrl, writeSharePublicUrl } from "@/lib/share-links/share-public-url";

export const runtime = "nodejs";

const Body = z.object({ publicUrl: z.union([publicOrigin, z.literal("").transform(() => null), z.null()]) });

export const GET = apiRoute(async (_request, { deps }) => Response.json(await readSharePublicUrl(deps.db, deps.config.sharePublicUrl)), { allow: ["owner"] });

// Where guests are sent is the owner's choice (like making a link): API tokens may not change it.
export const PATCH = apiRoute(async (request, { deps }) => {
  const { publicUrl } = Body.parse(await readJson(request));
  if (deps.config.sharePublicUrl) throw new AppError("conflict", "ALBUMS_SHARE_PUBLIC_URL sets the published address; change it there.");
  await writeSharePublicUrl(deps.db, publicUrl);
  return Response.json(await readSharePublicUrl(deps.db, deps.config.sharePublicUrl));
}, { allow: ["owner"] });
