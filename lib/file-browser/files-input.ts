import { z } from "zod";

/** A folder id from a URL or a body; `root` (or null in a body) is the top of the Files tree. */
export const folderRef = z.string().min(1).max(100).transform((id) => (id === "root" ? null : id));
export const folderRefOrNull = z.union([z.null(), folderRef]);

/** A name as typed (checked by lib/files: no "/", not `.`/`..`, at most 255 bytes). */
const name = z.string().max(1000);

/** `POST /api/files/folders`. */
export const createFolderBody = z.object({ parentId: folderRefOrNull.default(null), name });

/** `PATCH` of a folder or file: a new name, a new parent folder, or both. */
export const moveBody = z.object({ name: name.optional(), folderId: folderRefOrNull.optional() }).refine((b) => b.name !== undefined || b.folderId !== undefined, "give a name, a folderId or both");

/** `POST /api/files/place`: an asset from the resumable upload, filed at `path` under `folderId`. */
export const placeBody = z.object({ assetId: z.string().min(1).max(64), folderId: folderRefOrNull.default(null), path: z.string().min(1).max(4096) });

/** `POST /api/files/upload?folder=…&path=…` (the body is the file's bytes). */
export const uploadQuery = z.object({ folder: folderRef.default("root"), path: z.string().min(1).max(4096) });
