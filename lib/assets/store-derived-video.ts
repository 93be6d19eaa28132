import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/server/db";
import { derivedDir, type LibraryPaths } from "@/lib/server/paths";

/**
 * Moves a finished video that ffmpeg wrote into `tmp/` to `<derived>/<kind>.mp4` (one rename:
 * a reader sees the old file or the new one, never a part) and upserts its row. The temp file
 * must be complete: a failed or killed ffmpeg's output is never passed here.
 */
export async function storeDerivedVideo(
  db: Db, paths: LibraryPaths, asset: { id: string; sha256: string }, kind: string, tmpFile: string, size: { width: number; height: number },
): Promise<void> {
  const handle = await fs.open(tmpFile, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  const destination = path.join(derivedDir(paths, asset.sha256), `${kind}.mp4`);
  await fs.mkdir(path.dirname(destination), { recursive: true });
  await fs.rename(tmpFile, destination);
  const { size: bytes } = await fs.stat(destination);
  const row = { relPath: path.relative(paths.derived, destination), mime: "video/mp4", width: size.width, height: size.height, bytes, etag: `"${randomUUID()}"` };
  await db.derivative.upsert({ where: { assetId_kind: { assetId: asset.id, kind } }, create: { assetId: asset.id, kind, ...row }, update: row });
}
