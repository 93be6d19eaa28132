import { apiRoute } from "@/lib/http/api-route";
import { assetZip } from "@/lib/zip/asset-zip";
import { zipResponse } from "@/lib/zip/zip-response";
import { albumZipAssets } from "@/lib/zip/zip-assets";

export const runtime = "nodejs";

const download = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const { title, assets } = await albumZipAssets(deps.db, params.id);
  const zip = await assetZip(deps.db, deps.paths, assets, "exact");
  return zipResponse(request, zip.layout, zip.source, { fileName: `${title}.zip`, identity: zip.identity });
}, { allow: ["owner", "token"] });

export const GET = download;
export const HEAD = download;
