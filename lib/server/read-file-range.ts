import fs from "node:fs";
import type { BufferPool } from "./buffer-pool";

/**
 * Bytes one read takes (and one chunk holds): a photo of a few MB is one read, one trip through
 * the thread pool and the stream (with 1 MiB chunks a ZIP of 3 MB photos spent about a sixth more
 * CPU per byte).
 */
export const READ_CHUNK = 4 * 1024 * 1024;

/**
 * Bytes `start`..`end` (inclusive) of `file`, in order, in chunks of up to 4 MiB, each a buffer of
 * its own (the consumer may keep it). The next chunk's read is under way on libuv's thread pool
 * while the consumer handles this one — one read at a time, never more — and each read asks for
 * exactly what is left (no read past the end to find it, no stream machinery per chunk, which a
 * ZIP of many photos paid for on every file). A file shorter than the range (changed on disk)
 * ends in an EIO error rather than a short body; stopping early closes the file. With a `pool`
 * (of READ_CHUNK-byte buffers) each chunk is read into a buffer taken from it, which the consumer
 * gives back once done with it (a ZIP written to a socket: lib/zip/write-zip.ts).
 */
export async function* readFileRange(file: string, start: number, end: number, pool?: BufferPool): AsyncGenerator<Buffer> {
  if (end < start) return;
  const handle = await fs.promises.open(file, "r");
  try {
    let position = start;
    const readNext = async () => {
      const at = position;
      const length = Math.min(READ_CHUNK, end + 1 - at);
      position += length;
      const buffer = pool ? pool.take(length) : Buffer.allocUnsafeSlow(length);
      const { bytesRead } = await handle.read(buffer, 0, length, at);
      if (bytesRead !== length) throw Object.assign(new Error(`${file} ended early (changed on disk while being read)`), { code: "EIO" });
      return buffer;
    };
    let next: Promise<Buffer> | null = readNext();
    while (next) {
      const chunk: Buffer = await next;
      next = position <= end ? readNext() : null;
      next?.catch(() => {}); // awaited on the next turn, unless the consumer stops first
      yield chunk;
    }
  } finally {
    await handle.close(); // waits for a read still under way
  }
}
