import type { Db } from "@/lib/server/db";
import type { GuestLink } from "./resolve-share-link";

const FIELDS = { id: true, kind: true, sha256: true, ext: true, mimeType: true, originalName: true, capturedAt: true, width: true, height: true, orientation: true, thumbhash: true, durationMs: true, motionPhoto: true } as const;

export type GuestAsset = { id: string; kind: string; sha256: string; ext: string; mimeType: string; originalName: string; capturedAt: Date; width: number | null; height: number | null; orientation: number | null; thumbhash: string | null; durationMs: number | null; motionPhoto: boolean };

/**
 * The photos and videos a link shows, oldest first for an album (its members now, not trashed),
 * in the chosen order for a selection. Documents are never shown to guests.
 */
export async function shareLinkAssets(db: Db, link: Pick<GuestLink, "id" | "albumId">): Promise<GuestAsset[]> {
  const live = { trashedAt: null, kind: { in: ["photo", "video"] } };
  if (link.albumId) {
    const rows = await db.albumAsset.findMany({ where: { albumId: link.albumId, asset: live }, select: { asset: { select: FIELDS } }, orderBy: [{ asset: { capturedAt: "asc" } }, { assetId: "asc" }] });
    return rows.map((r) => r.asset);
  }
  const members = await db.shareLinkAsset.findMany({ where: { linkId: link.id }, orderBy: { position: "asc" } });
  const rows = await db.asset.findMany({ where: { id: { in: members.map((m) => m.assetId) }, ...live }, select: FIELDS });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return members.flatMap((m) => byId.get(m.assetId) ?? []);
}

/** One asset of a link, or null when it is not part of it (or trashed since). */
export async function shareLinkAsset(db: Db, link: Pick<GuestLink, "id" | "albumId">, assetId: string): Promise<GuestAsset | null> {
  const member = link.albumId
    ? await db.albumAsset.findUnique({ where: { albumId_assetId: { albumId: link.albumId, assetId } } })
    : await db.shareLinkAsset.findUnique({ where: { linkId_assetId: { linkId: link.id, assetId } } });
  if (!member) return null;
  return db.asset.findFirst({ where: { id: assetId, trashedAt: null, kind: { in: ["photo", "video"] } }, select: FIELDS });
}
