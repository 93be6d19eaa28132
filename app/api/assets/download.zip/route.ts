import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";
import { assetZip } from "@/lib/zip/asset-zip";
import { zipResponse } from "@/lib/zip/zip-response";
import { selectionZipAssets } from "@/lib/zip/zip-assets";

export const runtime = "nodejs";

const Body = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100_000) });

/** `{ids}` as JSON, or `ids=a,b,c` from a plain form (the browser then saves the stream straight to disk). */
async function readIds(request: Request): Promise<string[]> {
  if ((request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    if (Number(request.headers.get("content-length") ?? 0) > JSON_LIMITS.list) throw new z.ZodError([{ code: "custom", path: ["ids"], message: "too many ids", input: null }]);
    const ids = new URLSearchParams(await request.text()).get("ids") ?? "";
    return Body.parse({ ids: ids.split(",").filter(Boolean) }).ids;
  }
  return Body.parse(await readJson(request, { maxBytes: JSON_LIMITS.list })).ids;
}

export const POST = apiRoute(async (request, { deps }) => {
  const assets = await selectionZipAssets(deps.db, await readIds(request));
  const zip = await assetZip(deps.db, deps.paths, assets, "exact");
  return zipResponse(request, zip.layout, zip.source, { fileName: `albums-${assets.length}-photos.zip`, identity: zip.identity });
}, { allow: ["owner", "token"] });
