import { AppError } from "@/lib/errors";
import type { DbTx } from "@/lib/server/db";
import { assertLiveFolder, checkName, findLiveChild, folderChain, trashItem, type ItemRef } from "./files-tree";

/** Where a folder or file goes (moveEntry, copyEntry). */
export type DestinationInput = {
  ref: ItemRef;
  /** The folder it goes into (null = the root). */
  folderId: string | null;
  /** Its name there (default: its current name). */
  name?: string;
  /** A live item already there under that name goes to the trash (else `name_taken`). */
  replace?: boolean;
};

/**
 * Readies the place a live folder or file is about to be moved or copied to, inside the caller's
 * transaction, and returns its name there (`input.name`, default its current name): `not_found`
 * for a missing item or target folder (or one in the trash), `invalid_input` for an unusable name,
 * `folder_cycle` for a folder going inside itself, and for a name already taken there,
 * `name_taken` — unless `replace`, which moves what is there to the trash. A move onto itself is
 * allowed (it changes nothing); a copy onto itself is `name_taken` even with `replace`.
 */
export async function prepareDestination(tx: DbTx, input: DestinationInput, mode: "move" | "copy", now: Date): Promise<string> {
  const { ref, folderId } = input;
  const current = ref.type === "file"
    ? await tx.fileEntry.findFirst({ where: { id: ref.id, trashedAt: null }, select: { name: true } })
    : await tx.folder.findFirst({ where: { id: ref.id, trashedAt: null }, select: { name: true } });
  if (!current) throw new AppError("not_found", `No such ${ref.type}.`);
  const name = checkName(input.name ?? current.name);
  await assertLiveFolder(tx, folderId);
  if (ref.type === "folder" && folderId !== null && (await folderChain(tx, folderId)).ids.includes(ref.id)) {
    throw new AppError("folder_cycle", mode === "move" ? "A folder cannot go inside itself." : "A folder cannot be copied inside itself.");
  }
  const taken = await findLiveChild(tx, folderId, name);
  const itself = taken !== null && taken.type === ref.type && taken.id === ref.id;
  if (taken && !(itself && mode === "move")) {
    if (!input.replace || itself) throw new AppError("name_taken", `"${name}" already exists in that folder.`);
    await trashItem(tx, taken, now);
  }
  return name;
}
