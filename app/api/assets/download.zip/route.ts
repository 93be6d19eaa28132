import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";
import { assetZip } from "@/lib/zip/asset-zip";
import { zipResponse } from "@/lib/zip/zip-response";
import { selectionZipAssets } from "@/lib/zip/zip-assets";

export const runtime = "nodejs";

const Body = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100_000) });

export const POST = apiRoute(async (request, { deps }) => {
  const { ids } = Body.parse(await readJson(request, { maxBytes: JSON_LIMITS.list }));
  const assets = await selectionZipAssets(deps.db, ids);
  const zip = await assetZip(deps.db, deps.paths, assets, "exact");
  return zipResponse(request, zip.layout, zip.source, { fileName: `albums-${assets.length}-photos.zip`, identity: zip.identity });
}, { allow: ["owner", "token"] });
