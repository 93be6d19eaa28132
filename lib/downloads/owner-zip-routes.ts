import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { folderRef } from "@/lib/file-browser/files-input";
import { zipFolder } from "@/lib/file-browser/zip-folder";
import { AppError } from "@/lib/errors";
import { nodeApiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";
import { webRequest } from "@/lib/http/web-request";
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

/** A path segment as Next.js hands a route its params: percent-decoded (a malformed one names nothing). */
function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AppError("not_found", "Not found.");
  }
}

type ZipRoute = { path: RegExp; methods: string[]; answer: (request: Request, res: ServerResponse, params: string[]) => Promise<void> };

const ROUTES: ZipRoute[] = [
  {
    // An album (its screen's "Download ZIP" link).
    path: /^\/api\/albums\/([^/]+)\/download\.zip$/,
    methods: ["GET", "HEAD"],
    answer: nodeApiRoute<string[]>(async (request, res, { deps, params }) => {
      const { title, assets } = await albumZipAssets(deps.db, segment(params[0]!));
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
      const assets = await selectionDownloadAssets(deps.db, DownloadId.parse(segment(params[0]!)));
      await writeZipResponse(request, res, await assetZip(deps.db, deps.paths, assets, "exact"), { fileName: `albums-${assets.length}-photos.zip` });
    }, { allow: ["owner", "token"] }),
  },
  {
    // A Files folder (`root`: all of them) with its tree.
    path: /^\/api\/files\/folders\/([^/]+)\/zip$/,
    methods: ["GET", "HEAD"],
    answer: nodeApiRoute<string[]>(async (request, res, { deps, params }) => {
      const { fileName, zip } = await zipFolder(deps, folderRef.parse(segment(params[0]!)));
      await writeZipResponse(request, res, zip, { fileName });
    }, { allow: ["owner"] }),
  },
];

/**
 * The owner's ZIP downloads (`GET /api/albums/{id}/download.zip`, `POST /api/assets/download.zip`,
 * `GET /api/downloads/{id}`, `GET /api/files/folders/{id|root}/zip`), answered on the Node
 * response in front of Next.js (scripts/serve.ts), so the archive goes from the files to the socket through a few reused
 * buffers (lib/zip/write-zip.ts) instead of a web stream of fresh ones. Who may call them and
 * every error answer are apiRoute's (nodeApiRoute). Returns the answer to `req` when its path is
 * one of these (405 for another method), or null: Next.js answers everything else.
 */
export function ownerZipRoute(req: IncomingMessage): ((res: ServerResponse) => Promise<void>) | null {
  const pathname = (req.url ?? "/").split(/[?#]/)[0]!;
  for (const route of ROUTES) {
    const match = route.path.exec(pathname);
    if (!match) continue;
    return async (res) => {
      if (!route.methods.includes(req.method ?? "")) {
        res.writeHead(405, { Allow: route.methods.join(", "), "Content-Length": "0" }).end();
        return;
      }
      await route.answer(webRequest(req, "http://localhost"), res, match.slice(1));
    };
  }
  return null;
}
