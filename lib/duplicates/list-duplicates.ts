import type { Db } from "@/lib/server/db";
import { inBatches } from "@/lib/server/in-batches";
import { findDuplicateGroups } from "./find-duplicate-groups";
import { rankCopies } from "./rank-copies";

/** One copy as the Duplicates screen shows it. */
export type DuplicateCopy = {
  id: string;
  name: string;
  width: number | null;
  height: number | null;
  size: number;
  format: string;
  capturedAt: string;
  createdAt: string;
  capturedAtSource: string;
  hasGps: boolean;
  editedFromId: string | null;
  favorite: boolean;
  description: string | null;
  albums: { id: string; title: string }[];
  hasThumbnail: boolean;
};
/** A group of copies, best first; `keepId` is the one "keep the best" preselects. */
export type DuplicateGroupView = { keepId: string; copies: DuplicateCopy[] };

const MAX_GROUPS = 200;

/** The near-duplicate groups of the library (the first 200, largest first) with what tells their copies apart. */
export async function listDuplicates(db: Db, databasePath: string): Promise<{ groups: DuplicateGroupView[]; total: number }> {
  const all = findDuplicateGroups(databasePath);
  const groups = all.slice(0, MAX_GROUPS);
  const rows = await inBatches(
    groups.flatMap((g) => g.assetIds),
    (batch) =>
      db.asset.findMany({
        where: { id: { in: batch } },
        select: {
          id: true, originalName: true, width: true, height: true, size: true, ext: true, capturedAt: true, createdAt: true, capturedAtSource: true, latitude: true,
          editedFromId: true, favorite: true, description: true, albums: { select: { album: { select: { id: true, title: true } } } }, derivatives: { where: { kind: "thumb-sm" }, select: { kind: true } },
        },
      }),
  );
  const byId = new Map(
    rows.flat().map((a): [string, DuplicateCopy] => [
      a.id,
      {
        id: a.id, name: a.originalName, width: a.width, height: a.height, size: Number(a.size), format: a.ext.toUpperCase(), capturedAt: a.capturedAt.toISOString(), createdAt: a.createdAt.toISOString(),
        capturedAtSource: a.capturedAtSource, hasGps: a.latitude !== null, editedFromId: a.editedFromId, favorite: a.favorite, description: a.description,
        albums: a.albums.map((m) => m.album), hasThumbnail: a.derivatives.length > 0,
      },
    ]),
  );
  return {
    groups: groups.flatMap((g) => {
      const copies = rankCopies(g.assetIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])));
      return copies.length > 1 ? [{ keepId: copies[0]!.id, copies }] : [];
    }),
    total: all.length,
  };
}
