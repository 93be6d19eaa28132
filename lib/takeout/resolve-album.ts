import { randomUUID } from "node:crypto";
import { appendJournal } from "@/lib/journal/append-journal";
import type { Db } from "@/lib/server/db";
import type { ImportPlan, ImportSource } from "./import-source";
import { normalizeName } from "./match-sidecars";

export type AlbumRef = { id: string; title: string };
/** One run's albums, by album key: each is resolved once, however many photos land in it at once. */
export type AlbumCache = Map<string, Promise<AlbumRef>>;

type Context = { source: ImportSource["name"]; plan: ImportPlan; cache: AlbumCache };

/**
 * The album that an export's album `key` is in the library: the one an earlier export of the same
 * source made under that key, else one renamed since (see below), else a new one. Never a second
 * album for the same key.
 */
export function albumFor(deps: { db: Db }, context: Context, key: string): Promise<AlbumRef> {
  let album = context.cache.get(key);
  if (!album) {
    album = resolveAlbum(deps.db, context, key);
    context.cache.set(key, album);
  }
  return album;
}

function resolveAlbum(db: Db, { source, plan }: Context, key: string): Promise<AlbumRef> {
  const sourceKey = `${source}:${key}`;
  const meta = plan.albums.get(key);
  const title = meta?.title || key.split("/").at(-1)!;
  return db.$transaction(async (tx) => {
    const found = await tx.album.findUnique({ where: { sourceKey }, select: { id: true, title: true } });
    if (found) return found;
    // A renamed album comes back under another key (its folder or CSV is named after its title).
    // It is the one earlier album of this source that this export no longer names, whose date
    // (when both have one) is the same, and at least half of whose photos arrived under names this
    // album's files have — decided from the plan, whatever order the photos land in.
    const names = new Set([...plan.media].filter(([, m]) => m.albums.includes(key)).map(([entry]) => normalizeName(entry.split("/").at(-1)!)));
    const named = [...plan.albums.keys()].map((k) => `${source}:${k}`);
    const earlier = await tx.album.findMany({
      where: { source, sourceKey: { notIn: named } },
      select: { id: true, date: true, assets: { select: { asset: { select: { names: { select: { name: true } } } } } } },
    });
    const candidates = earlier.filter((a) => {
      if (a.date && meta?.date && a.date.getTime() !== meta.date.getTime()) return false;
      const shared = a.assets.filter((m) => m.asset.names.some((n) => names.has(normalizeName(n.name)))).length;
      return a.assets.length > 0 && shared * 2 >= a.assets.length;
    });
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
