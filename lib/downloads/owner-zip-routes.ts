import { z } from "zod";
import { folderRef } from "@/lib/file-browser/files-input";
import { zipFolder } from "@/lib/file-browser/zip-folder";
import { nodeApiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";
import { pathSegment, type NodeRoute } from "@/lib/http/node-routes";
import { assetZip } from "@/lib/zip/asset-zip";
import { writeZipResponse } from "@/lib/zip/write-zip-response";
import { albumZipAssets, selectionZipAssets } from "@/lib/zip/zip-assets";
import { selectionDownloadAssets } from "./selection-download-assets";

const Ids = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100_000) });
const DownloadId = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** `{ids}` as JSON, or `ids=a,b,c` from a plain form (the browser then saves the stream straight to disk). */
async function readIds(request: Request): Promise<string[]> {
  if ((request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    if (Number(request.headers.get("content-length") ?? 0) > JSON_LIMITS.list) throw new z.ZodError([{ code: "custom", path: ["ids"], message: "too many ids", input: null }]);
    const ids = new URLSearchParams(await request.text()).get("ids") ?? "";
    return Ids.parse({ ids: ids.split(",").filter(Boolean) }).ids;
  }
  return Ids.parse(await readJson(request, { maxBytes: JSON_LIMITS.list })).ids;
}

/**
 * The owner's ZIP downloads (`GET /api/albums/{id}/download.zip`, `POST /api/assets/download.zip`,
 * `GET /api/downloads/{id}`, `GET /api/files/folders/{id|root}/zip`), answered in front of Next.js
 * (scripts/serve.ts), so the archive goes from the files to the socket through a few reused buffers
 * (lib/zip/write-zip.ts) instead of a web stream of fresh ones. Who may call them and every error
 * answer are apiRoute's (nodeApiRoute).
 */
export const OWNER_ZIP_ROUTES: NodeRoute[] = [
  {
    // An album (its screen's "Download ZIP" link).
    path: /^\/api\/albums\/([^/]+)\/download\.zip$/,
    methods: ["GET", "HEAD"],
    answer: nodeApiRoute<string[]>(async (request, res, { deps, params }) => {
      const { title, assets } = await albumZipAssets(deps.db, pathSegment(params[0]!));
      await writeZipResponse(request, res, await assetZip(deps.db, deps.paths, assets, "exact"), { fileName: `${title}.zip` });
    }, { allow: ["owner", "token"] }),
  },
  {
    // A selection posted as `{ids}` (scripts) or a form.
    path: /^\/api\/assets\/download\.zip$/,
    methods: ["POST"],
    answer: nodeApiRoute<string[]>(async (request, res, { deps }) => {
      const assets = await selectionZipAssets(deps.db, await readIds(request));
      await writeZipResponse(request, res, await assetZip(deps.db, deps.paths, assets, "exact"), { fileName: `albums-${assets.length}-photos.zip` });
    }, { allow: ["owner", "token"] }),
  },
  {
    // A selection recorded by `POST /api/downloads` (what the selection bar downloads through).
    path: /^\/api\/downloads\/([^/]+)$/,
    methods: ["GET", "HEAD"],
    answer: nodeApiRoute<string[]>(async (request, res, { deps, params }) => {
      const assets = await selectionDownloadAssets(deps.db, DownloadId.parse(pathSegment(params[0]!)));
      await writeZipResponse(request, res, await assetZip(deps.db, deps.paths, assets, "exact"), { fileName: `albums-${assets.length}-photos.zip` });
    }, { allow: ["owner", "token"] }),
  },
  {
    // A Files folder (`root`: all of them) with its tree.
    path: /^\/api\/files\/folders\/([^/]+)\/zip$/,
    methods: ["GET", "HEAD"],
    answer: nodeApiRoute<string[]>(async (request, res, { deps, params }) => {
      const { fileName, zip } = await zipFolder(deps, folderRef.parse(pathSegment(params[0]!)));
      await writeZipResponse(request, res, zip, { fileName });
    }, { allow: ["owner"] }),
  },
];
