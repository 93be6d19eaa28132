import { hashBlob } from "@/lib/upload-queue/hash-blob";
import type { FolderStore } from "./folder-store";
import { readPermission, type FileRecord } from "./folder-types";
import { askSafeToRemove } from "./list-freeable";
import { resolvePath } from "./walk-folder";

export type FreeUpResult = { removed: FileRecord[]; refused: { file: FileRecord; reason: string }[] };

/**
 * Deletes the given files from the phone's picked folders (removeEntry), the owner having
 * confirmed once and granted write access. The box is asked again first; then each file is
 * re-read and re-hashed immediately before its removal and kept unless its bytes still match the
 * SHA-256 the box holds. A file is never deleted on a local record alone.
 */
export async function freeUpSpace(files: FileRecord[], deps: { folders: FolderStore; origin: string; fetch: typeof fetch }): Promise<FreeUpResult> {
  const result: FreeUpResult = { removed: [], refused: [] };
  const safe = new Set((await askSafeToRemove(deps, [...new Set(files.map((f) => f.sha256))])).safe);
  for (const file of files) {
    const refuse = (reason: string) => result.refused.push({ file, reason });
    const folder = await deps.folders.getFolder(file.folderId);
    if (!folder) {
      refuse("The folder is no longer backed up.");
      continue;
    }
    if (!safe.has(file.sha256)) {
      refuse("The box cannot prove it keeps this file.");
      continue;
    }
    if ((await readPermission(folder.handle, "readwrite").catch(() => "denied")) !== "granted") {
      refuse(`Albums may not delete in ${folder.name}.`);
      continue;
    }
    try {
      const { parent, entry } = await resolvePath(folder.handle, file.path);
      if ((await hashBlob(await entry.getFile())) !== file.sha256) {
        refuse("The file changed since the box received it.");
        continue;
      }
      await parent.removeEntry(entry.name);
      result.removed.push(file);
    } catch (error) {
      refuse(`Could not delete it: ${(error as Error).message}`);
    }
  }
  await deps.folders.saveFiles([], result.removed.map((f) => f.key));
  return result;
}
