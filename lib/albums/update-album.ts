import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appendJournal, shasOf } from "@/lib/journal/append-journal";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";
import { ALBUM_SORTS, albumDescription, albumTitle } from "./album-dto";

export const updateAlbumBody = z
  .object({ title: albumTitle.optional(), description: albumDescription.optional(), coverAssetId: z.string().min(1).max(100).nullable().optional(), sort: z.enum(ALBUM_SORTS).optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), "give at least one change");

/**
 * Renames, describes, sets the cover (a photo of the album; null = automatic) or the sort order
 * of an album. A new title is searchable text of every photo in it: they are marked stale.
 */
export async function updateAlbum(db: Db, id: string, body: z.infer<typeof updateAlbumBody>): Promise<void> {
  await db.$transaction(async (tx) => {
    const album = await tx.album.findUnique({ where: { id }, select: { title: true } });
    if (!album) throw new AppError("not_found", "No such album.");
    if (body.coverAssetId && !(await tx.albumAsset.findUnique({ where: { albumId_assetId: { albumId: id, assetId: body.coverAssetId } } }))) {
      throw new AppError("invalid_input", "The cover must be a photo of the album.");
    }
    await tx.album.update({
      where: { id },
      data: {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.description !== undefined ? { description: body.description || null } : {}),
        ...(body.coverAssetId !== undefined ? { coverAssetId: body.coverAssetId } : {}),
        ...(body.sort !== undefined ? { sort: body.sort } : {}),
      },
    });
    if (body.title !== undefined && body.title !== album.title) {
      await markSearchStale(tx, (await tx.albumAsset.findMany({ where: { albumId: id }, select: { assetId: true } })).map((m) => m.assetId));
    }
    const coverSha256 = body.coverAssetId === undefined ? undefined : body.coverAssetId && (await shasOf(tx, [body.coverAssetId]))[0]!;
    await appendJournal(tx, { op: "album.update", id, title: body.title, description: body.description === undefined ? undefined : body.description || null, coverSha256, sort: body.sort });
  });
}
