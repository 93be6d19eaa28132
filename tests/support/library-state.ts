import sharp from "sharp";
import { ingestAsset, type IngestDeps } from "@/lib/assets/ingest-asset";
import type { IngestSource } from "@/lib/audit/record-ingest-attempt";
import type { Db } from "@/lib/server/db";
import { writeTempFile } from "@/lib/server/storage";

/** A small PNG, distinct for every seed (lossless: the seed is in its pixels). */
export function photo(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: { r: seed & 255, g: (seed >> 8) & 255, b: 77 } } }).png().toBuffer();
}

/** Ingests bytes through the real ingest path. */
export async function ingestBytes(deps: IngestDeps, data: Buffer, fileName: string, options: { source?: IngestSource; capturedAt?: Date } = {}) {
  const temp = await writeTempFile((async function* () { yield data; })(), deps.paths.tmp, 1e9);
  return ingestAsset(deps, { temp, fileName, capturedAt: options.capturedAt, source: options.source ?? "upload", client: "test" });
}

/**
 * Everything the owner decided, keyed by content (asset ids change in a rebuild): per asset its
 * names, source, capture time, flags, description and Takeout facts; albums with members by hash;
 * people by id with the hashes of their faces.
 */
export async function libraryState(db: Db) {
  const assets = await db.asset.findMany({
    orderBy: { sha256: "asc" },
    select: {
      sha256: true, originalName: true, source: true, capturedAt: true, capturedAtSource: true, favorite: true, archived: true, trashedAt: true, description: true,
      origin: true, folder: true, latitude: true, longitude: true, editedFrom: { select: { sha256: true } },
      names: { select: { name: true, source: true }, orderBy: [{ name: "asc" }, { source: "asc" }] }, peopleHints: { select: { name: true }, orderBy: { name: "asc" } },
    },
  });
  const albums = await db.album.findMany({
    orderBy: { id: "asc" },
    select: { id: true, title: true, description: true, sort: true, source: true, sourceKey: true, coverAssetId: true, assets: { select: { asset: { select: { sha256: true } } } } },
  });
  const shaOf = new Map((await db.asset.findMany({ select: { id: true, sha256: true } })).map((a) => [a.id, a.sha256]));
  return {
    assets: assets.map(({ trashedAt, editedFrom, ...a }) => ({ ...a, trashed: trashedAt !== null, editedFrom: editedFrom?.sha256 ?? null })),
    albums: albums.map(({ coverAssetId, assets: members, ...album }) => ({ ...album, cover: coverAssetId ? shaOf.get(coverAssetId) : null, members: members.map((m) => m.asset.sha256).sort() })),
  };
}

/** Named or hidden people, with the photos (hashes) of their faces. */
export async function peopleState(db: Db) {
  const people = await db.person.findMany({ orderBy: { id: "asc" }, where: { faces: { some: {} } }, select: { id: true, name: true, hidden: true, faces: { select: { pinned: true, asset: { select: { sha256: true } } } } } });
  return people.map((p) => ({ id: p.id, name: p.name, hidden: p.hidden, photos: p.faces.map((f) => f.asset.sha256).sort() }));
}
