import fs from "node:fs/promises";
import type { Readable } from "node:stream";
import { AppError, diskWriteError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { partPath, toUploadState, withUploadLock, type UploadState } from "./upload-files";

const CHECKPOINT_MS = 1_000;

/**
 * Appends bytes at `offset`, which must equal the durable offset (else 409 with the right one).
 * Whatever arrives is fsynced and then recorded as the new durable offset, even if the client
 * drops mid-chunk, so a resume never re-sends what the box already has; while bytes flow, the
 * durable offset is also recorded every second, so HEAD reports it during a long or stalled
 * chunk. When the body errors (the client went away, the server cut a stalled body, or a newer
 * append for the same upload took over) the lock is released with what arrived recorded. Bytes past the durable offset (a crash between write
 * and record) are cut off before appending.
 */
export async function appendUpload(db: Db, paths: LibraryPaths, id: string, offset: number, body: Readable): Promise<UploadState> {
  const result = await withUploadLock(id, async (takenOver) => {
    takenOver.addEventListener("abort", () => body.destroy(new Error("a newer request for this upload took over")), { once: true });
    const row = await db.upload.findUnique({ where: { id } });
    if (!row) throw new AppError("not_found", "No such upload (finished, cancelled or expired).");
    const durable = Number(row.offset);
    const size = Number(row.size);
    if (offset !== durable) throw new AppError("conflict", `Wrong offset ${offset}; the upload continues at ${durable}.`);
    const handle = await fs.open(partPath(paths, id), "r+").catch((error: unknown) => {
      throw diskWriteError(error, "resume");
    });
    let written = durable;
    let recorded = durable;
    let checkpoint = Promise.resolve();
    const timer = setInterval(() => {
      checkpoint = checkpoint
        .then(async () => {
          const at = written;
          if (at === recorded) return;
          await handle.sync();
          await db.upload.update({ where: { id }, data: { offset: BigInt(at) } });
          recorded = at;
        })
        .catch(() => {}); // the final record below reports any failure
    }, CHECKPOINT_MS);
    let failure: unknown = null;
    try {
      await handle.truncate(durable);
      try {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          if (written + chunk.length > size) throw new AppError("too_large", `More bytes than the declared size (${size}).`);
          await handle.write(chunk, 0, chunk.length, written);
          written += chunk.length;
        }
      } catch (error) {
        failure = error; // keep what arrived before the break
      }
      await handle.sync();
    } catch (error) {
      throw diskWriteError(error, "resume");
    } finally {
      clearInterval(timer);
      await checkpoint;
      await handle.close();
    }
    const updated = await db.upload.update({ where: { id }, data: { offset: BigInt(written) } });
    const mapped = diskWriteError(failure, "resume");
    if (mapped instanceof AppError) throw mapped;
    return toUploadState(updated);
  }, { takeOver: true });
  if (!result) throw new AppError("conflict", "Another request is appending to this upload right now.");
  return result;
}
