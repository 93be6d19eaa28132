import { AppError } from "@/lib/errors";
import fs from "node:fs/promises";
import { libraryLocation } from "@/lib/libraries/library-location";
import type { Db } from "@/lib/server/db";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { toAssetDetail, type AssetDetail } from "./asset-dto";

/**
 * All metadata of one asset, what analysis found (caption, OCR, place, faces), its albums, the
 * state of its derived work, and where its original lives (`library`, `fileState` "offline" while
 * its external library is away; `paths` given: whether Albums also keeps a copy).
 */
export async function getAsset(db: Db, id: string, paths?: LibraryPaths): Promise<AssetDetail> {
  const asset = await db.asset.findUnique({
    where: { id },
    include: {
      derivatives: { select: { kind: true, etag: true } },
      names: { select: { name: true, source: true, createdAt: true }, orderBy: { id: "asc" } },
      jobs: { select: { kind: true, status: true, attempts: true, lastError: true }, orderBy: { id: "asc" } },
      document: { select: { text: true } },
      caption: { select: { text: true } },
      ocr: { select: { text: true } },
      place: { select: { city: true, region: true, country: true } },
      faces: { select: { id: true, personId: true, x: true, y: true, width: true, height: true, person: { select: { name: true } } }, orderBy: { x: "asc" } },
      albums: { select: { album: { select: { id: true, title: true } } } },
      liveVideo: { select: { videoId: true } },
      edit: true,
    },
  });
  if (!asset) throw new AppError("not_found", "No such asset.");
  const library = await libraryLocation(db, id);
  const inCustody = !library || !paths || (await fs.lstat(originalPath(paths, asset.sha256, asset.ext)).then(() => true, () => false));
  return toAssetDetail(asset, { library, inCustody });
}
