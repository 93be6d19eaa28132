import { z } from "zod";
import { selectionDownloadAssets } from "@/lib/downloads/selection-download-assets";
import { apiRoute } from "@/lib/http/api-route";
import { assetZip } from "@/lib/zip/asset-zip";
import { zipResponse } from "@/lib/zip/zip-response";

export const runtime = "nodejs";

const Params = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });

/** A recorded selection as one ZIP, with Range / If-Range, so a browser resumes a dropped download. */
export const GET = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const { id } = Params.parse(params);
  const assets = await selectionDownloadAssets(deps.db, id);
  const zip = await assetZip(deps.db, deps.paths, assets, "exact");
  return zipResponse(request, zip.layout, zip.source, { fileName: `albums-${assets.length}-photos.zip`, identity: zip.identity });
}, { allow: ["owner", "token"] });
export const HEAD = GET;
