import type { FilesDeps } from "@/lib/files/files-tree";
import type { PlaceResult } from "@/lib/files/place-asset";
import { putFile } from "@/lib/files/put-file";
import { ensureFolderPath, splitUploadPath } from "./ensure-folder-path";

/**
 * A browser upload into the Files tree: the body's bytes become the file at `path` (relative,
 * "Taxes/2024/forms.pdf" for a file of a dropped folder) under `folderId`, its folders made where
 * missing, through the durable ingest (putFile: a file already there keeps its old content as a
 * version). Answered once the bytes and the entry are durable.
 */
export async function uploadIntoFolder(deps: FilesDeps, input: { folderId: string | null; path: string; body: AsyncIterable<Buffer>; client: string }): Promise<PlaceResult> {
  const { folders, name } = splitUploadPath(input.path);
  const folderId = await ensureFolderPath(deps.db, input.folderId, folders);
  return putFile(deps, { folderId, name, body: input.body, client: input.client, source: "files" });
}
