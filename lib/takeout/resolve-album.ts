import { randomUUID } from "node:crypto";
import { appendJournal } from "@/lib/journal/append-journal";
import type { Db } from "@/lib/server/db";
import type { ImportPlan, ImportSource } from "./import-source";

export type AlbumRef = { id: string; title: string };
/** One run's albums, by album key: each is resolved once, however many photos land in it at once. */
export type AlbumCache = Map<string, Promise<AlbumRef>>;

type Context = { source: ImportSource["name"]; plan: ImportPlan; cache: AlbumCache };

/**
 * The album that an export's album `key` is in the library, first asked for by the photo
 * `assetId`: the one an earlier export of the same source made under that key, else an album that
 * was renamed since (see findRenamed), else a new one. Never a second album for the same key.
 */
export function albumFor(deps: { db: Db }, context: Context, key: string, assetId: string): Promise<AlbumRef> {
  let album = context.cache.get(key);
  if (!album) {
    album = resolveAlbum(deps.db, context, key, assetId);
    context.cache.set(key, album);
  }
  return album;
}

function resolveAlbum(db: Db, { source, plan }: Context, key: string, assetId: string): Promise<AlbumRef> {
  const sourceKey = `${source}:${key}`;
  const meta = plan.albums.get(key);
  const title = meta?.title || key.split("/").at(-1)!;
  return db.$transaction(async (tx) => {
    const found = await tx.album.findUnique({ where: { sourceKey }, select: { id: true, title: true } });
    if (found) return found;
    // A renamed album comes back under another key. It is the earlier album of this source that
    // holds this photo, that this export no longer names, and whose date (when both have one) is
    // the same: exactly one such album, or the album is new.
    const named = [...plan.albums.keys()].map((k) => `${source}:${k}`);
    const candidates = (await tx.album.findMany({ where: { source, sourceKey: { notIn: named }, assets: { some: { assetId } } }, select: { id: true, title: true, date: true } })).filter(
      (a) => !a.date || !meta?.date || a.date.getTime() === meta.date.getTime(),
    );
    if (candidates.length === 1) {
      const renamed = candidates[0]!;
      await tx.album.update({ where: { id: renamed.id }, data: { title, sourceKey } });
      await appendJournal(tx, { op: "album.update", id: renamed.id, title });
      return { id: renamed.id, title };
    }
    const album = { id: randomUUID(), sourceKey, source, title, description: meta?.description ?? null, date: meta?.date ?? null };
    await tx.album.create({ data: album });
    await appendJournal(tx, { op: "album.create", ...album, date: album.date?.toISOString() ?? null, sha256s: [] });
    return { id: album.id, title };
  });
}
