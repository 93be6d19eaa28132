import fs from "node:fs";
import type { Writable } from "node:stream";
import { closedSignal } from "./closed-signal";

/** Bytes a read (and a socket write) moves at once. */
const CHUNK = 1024 * 1024;
/** Buffers in turn: one being read into while the others are written. */
const DEPTH = 3;

/**
 * Writes bytes `start`..`end` (inclusive) of `file` to `out` (a Node response or socket), without
 * ending it. The bytes go through a few buffers reused in turn: the next read (on libuv's thread
 * pool) overlaps the socket write of the last, and no chunk is a fresh allocation — with
 * `pipeline(createReadStream(), res)` the kernel zeroed and faulted in a new megabyte for every
 * megabyte sent, a third of the server's time on a 2 GB GET. A buffer is read into again only once
 * its write has completed (the write's callback); `out` closing early (a dropped download) rejects
 * with ERR_STREAM_PREMATURE_CLOSE and closes the file. Memory: DEPTH × CHUNK at most per request.
 */
export async function writeFileRange(out: Writable, file: string, start: number, end: number): Promise<void> {
  const total = end - start + 1;
  if (total <= 0) return;
  const handle = await fs.promises.open(file, "r");
  const closed = closedSignal(out);
  try {
    const size = Math.min(CHUNK, total);
    const buffers = Array.from({ length: Math.min(DEPTH, Math.ceil(total / size)) }, () => Buffer.allocUnsafeSlow(size));
    const written: Promise<void>[] = buffers.map(() => Promise.resolve());
    let position = start;
    const readInto = async (slot: number) => {
      const at = position;
      const length = Math.min(size, end + 1 - at);
      position += length;
      await written[slot];
      const { bytesRead } = await handle.read(buffers[slot]!, 0, length, at);
      if (bytesRead !== length) throw Object.assign(new Error(`${file} ended early (changed on disk while being sent)`), { code: "EIO" });
      return buffers[slot]!.subarray(0, length);
    };
    let slot = 0;
    let next = readInto(0);
    next.catch(() => {});
    for (;;) {
      const chunk = await Promise.race([next, closed.promise]);
      const last = position > end;
      const following = (slot + 1) % buffers.length;
      if (!last) {
        next = readInto(following);
        next.catch(() => {}); // awaited on the next turn, unless the response closed first
      }
      let flowing = true;
      written[slot] = new Promise<void>((resolve, reject) => {
        flowing = out.write(chunk, (error) => (error ? reject(error) : resolve()));
      });
      written[slot]!.catch(() => {}); // awaited (and raced with `closed`) below or by the next read
      if (last) break;
      if (!flowing) await Promise.race([new Promise((resolve) => out.once("drain", resolve)), closed.promise]);
      slot = following;
    }
    await Promise.race([Promise.all(written), closed.promise]);
  } finally {
    closed.dispose();
    await handle.close();
  }
}
