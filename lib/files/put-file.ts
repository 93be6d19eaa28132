import { ingestAsset } from "@/lib/assets/ingest-asset";
import { AppError } from "@/lib/errors";
import { writeTempFile } from "@/lib/server/storage";
import { assertLiveFolder, checkName, findLiveChild, type FilesDeps } from "./files-tree";
import { placeAsset, type PlaceResult } from "./place-asset";

export type PutFileInput = {
  folderId: string | null;
  name: string;
  /** The bytes, streamed (a request body); a failed or cut stream leaves nothing behind. */
  body: AsyncIterable<Buffer>;
  client: string;
  source: "files" | "webdav";
  onExisting?: "version" | "fail";
};

/**
 * Stores a stream as a file of the Files tree through the one durable ingest path: bytes hashed
 * into tmp/, then a content-addressed original (fsynced, de-duplicated, any type, empty allowed),
 * then the entry (placeAsset: an existing file of that name keeps its old content as a version).
 * When it returns, the bytes and the entry are durable; on any failure no entry changes and the
 * temp file is gone. `not_found` for a missing folder and `name_taken` for a folder of that name
 * are answered before the body is read.
 */
export async function putFile(deps: FilesDeps, input: PutFileInput): Promise<PlaceResult> {
  const name = checkName(input.name);
  await deps.db.$transaction(async (tx) => {
    await assertLiveFolder(tx, input.folderId);
    const existing = await findLiveChild(tx, input.folderId, name);
    if (existing?.type === "folder" || (existing && input.onExisting === "fail")) throw new AppError("name_taken", `"${name}" already exists in this folder.`);
  });
  const temp = await writeTempFile(input.body, deps.paths.tmp, deps.config.maxUploadBytes, { flushEveryBytes: 64 * 1024 * 1024 });
  const stored = await ingestAsset(deps, { temp, fileName: name, source: input.source, client: input.client, allowAnyFile: true, allowEmpty: true });
  return placeAsset(deps, { assetId: stored.assetId, folderId: input.folderId, name, onExisting: input.onExisting });
}
