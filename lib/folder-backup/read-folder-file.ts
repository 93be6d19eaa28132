import { FolderFileUnavailable } from "@/lib/upload-queue/drain-queue";
import type { FolderFileRef } from "@/lib/upload-queue/queue-item";
import type { FolderStore } from "./folder-store";
import { readPermission } from "./folder-types";
import { resolvePath } from "./walk-folder";

/**
 * The upload queue's reader for folder-backup items: the file as it is in the picked folder now.
 * A lapsed permission is retried later; a removed folder, a vanished file or one changed since
 * it was hashed fails the item (the next scan queues the new version under its new hash).
 */
export function folderFileReader(folders: FolderStore): (ref: FolderFileRef) => Promise<Blob> {
  return async (ref) => {
    const folder = await folders.getFolder(ref.folderId);
    if (!folder) throw new FolderFileUnavailable("The folder was removed from backup.", false);
    if ((await readPermission(folder.handle).catch(() => "denied")) !== "granted") throw new FolderFileUnavailable(`Albums needs permission to read the folder ${folder.name} again.`, true);
    let file: File;
    try {
      file = await (await resolvePath(folder.handle, ref.path)).entry.getFile();
    } catch (error) {
      throw new FolderFileUnavailable(`${ref.path} can no longer be read from ${folder.name}: ${(error as Error).message}`, false);
    }
    if (file.size !== ref.size || file.lastModified !== ref.lastModified) throw new FolderFileUnavailable(`${ref.path} changed after it was scanned; the next scan queues the new version.`, false);
    return file;
  };
}
