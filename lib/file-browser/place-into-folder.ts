import type { FilesDeps } from "@/lib/files/files-tree";
import { placeAsset, type PlaceResult } from "@/lib/files/place-asset";
import { ensureFolderPath, splitUploadPath } from "./ensure-folder-path";

/**
 * Files an asset already stored (a big file sent through the resumable `/api/uploads`) at `path`
 * under `folderId`, making its folders where missing (placeAsset: a file already there keeps its
 * old content as a version).
 */
export async function placeIntoFolder(deps: FilesDeps, input: { assetId: string; folderId: string | null; path: string }): Promise<PlaceResult> {
  const { folders, name } = splitUploadPath(input.path);
  const folderId = await ensureFolderPath(deps.db, input.folderId, folders);
  return placeAsset(deps, { assetId: input.assetId, folderId, name });
}
