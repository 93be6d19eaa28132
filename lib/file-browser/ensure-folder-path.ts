import { AppError } from "@/lib/errors";
import { createFolder } from "@/lib/files/create-folder";
import { checkName, findLiveChild } from "@/lib/files/files-tree";
import type { Db } from "@/lib/server/db";

/**
 * Splits a relative path from the browser ("Taxes/2024/forms.pdf", a dropped folder's
 * `webkitRelativePath`) into its folder names and file name; `invalid_input` for an empty or
 * unusable segment ("..", "").
 */
export function splitUploadPath(relative: string): { folders: string[]; name: string } {
  const segments = relative.split("/").map((s) => checkName(s.normalize("NFC")));
  return { folders: segments.slice(0, -1), name: segments.at(-1)! };
}

/**
 * The folder at `names` under `parentId` (null = the root), made where missing, like `mkdir -p`:
 * an existing folder of a name is used, a file of that name is `name_taken`. Two uploads of one
 * dropped folder may race to make the same folder: the loser uses the winner's.
 */
export async function ensureFolderPath(db: Db, parentId: string | null, names: string[]): Promise<string | null> {
  let at = parentId;
  for (const name of names) {
    const found = await findLiveChild(db, at, name);
    if (found?.type === "file") throw new AppError("name_taken", `"${name}" is a file here, not a folder.`);
    if (found) {
      at = found.id;
      continue;
    }
    try {
      at = (await createFolder(db, { parentId: at, name })).id;
    } catch (error) {
      const raced = error instanceof AppError && error.code === "name_taken" ? await findLiveChild(db, at, name) : null;
      if (raced?.type !== "folder") throw error;
      at = raced.id;
    }
  }
  return at;
}
