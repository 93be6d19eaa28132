import fs from "node:fs/promises";
import path from "node:path";
import { diskWriteError } from "@/lib/errors";
import { syncFile } from "@/lib/server/storage";

/**
 * Makes sure an original is at `destination`, from the received bytes in `tempPath` when it is
 * not: a hard link (temp and original share one inode until ingest drops the temp name, so the
 * bytes stay at hand should a purge move the original away before the row commits), with the
 * bytes and the directory fsynced. Idempotent; cheap (one stat) when the original is in place.
 * Ingest calls it before its transaction and again inside it, under SQLite's write lock: a purge
 * moves originals out of place only under that lock, so a committed row always has its file.
 */
export async function linkOriginal(tempPath: string, destination: string): Promise<void> {
  if ((await fs.lstat(destination).catch(() => null))?.isFile()) return;
  const dir = path.dirname(destination);
  try {
    await fs.mkdir(dir, { recursive: true });
    await syncFile(tempPath);
    await fs.link(tempPath, destination).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
    await syncFile(dir);
  } catch (error) {
    throw diskWriteError(error);
  }
}
