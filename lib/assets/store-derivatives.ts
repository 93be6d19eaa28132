import { createHash } from "node:crypto";
import path from "node:path";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { derivedDir, type LibraryPaths } from "@/lib/server/paths";
import { writeDerivedFile } from "@/lib/server/storage";
import type { RenderedThumbnails } from "@/lib/media/render-thumbnails";

export type DerivativeFile = { kind: string; fileName: string; mime: string; data: Buffer; width?: number; height?: number };

/**
 * Writes derived files of an original (atomically), then upserts their rows — with `alsoUpdate`,
 * if given, in the same transaction, so a reader never sees the rows without it. Safe to repeat.
 */
export async function storeDerivatives(
  db: Db, paths: LibraryPaths, asset: { id: string; sha256: string }, files: DerivativeFile[], alsoUpdate: Prisma.AssetUpdateInput = {},
): Promise<void> {
  const dir = derivedDir(paths, asset.sha256);
  for (const file of files) await writeDerivedFile(path.join(dir, file.fileName), file.data, paths.tmp);
  const upserts = files.map((file) => {
    const row = {
      relPath: path.relative(paths.derived, path.join(dir, file.fileName)),
      mime: file.mime,
      width: file.width ?? null,
      height: file.height ?? null,
      bytes: file.data.length,
      etag: `"${createHash("sha256").update(file.data).digest("hex").slice(0, 32)}"`,
    };
    return db.derivative.upsert({ where: { assetId_kind: { assetId: asset.id, kind: file.kind } }, create: { assetId: asset.id, kind: file.kind, ...row }, update: row });
  });
  await db.$transaction([...upserts, db.asset.update({ where: { id: asset.id }, data: alsoUpdate })]);
}

/** Stores rendered thumbnails and marks the original decodable, with its placeholder. */
export async function storeThumbnails(db: Db, paths: LibraryPaths, asset: { id: string; sha256: string }, rendered: RenderedThumbnails): Promise<void> {
  await storeDerivatives(
    db,
    paths,
    asset,
    rendered.thumbnails.map((t) => ({ kind: `thumb-${t.size}`, fileName: `thumb-${t.size}.webp`, mime: "image/webp", data: t.data, width: t.width, height: t.height })),
    { thumbhash: rendered.thumbhash, decodeState: "ok", decodeError: null },
  );
}

/** Flags an original whose bytes cannot be decoded; the original itself is kept untouched. */
export async function markUndecodable(db: Db, assetId: string, reason: string): Promise<void> {
  await db.asset.update({ where: { id: assetId }, data: { decodeState: "undecodable", decodeError: reason.slice(0, 500) } });
}
