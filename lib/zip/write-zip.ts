import type { Writable } from "node:stream";
import { closedSignal } from "@/lib/http/closed-signal";
import { createBufferPool } from "@/lib/server/buffer-pool";
import { READ_CHUNK } from "@/lib/server/read-file-range";
import { streamZip, type ZipSource } from "./stream-zip";
import type { ZipLayout } from "./zip-layout";

/**
 * Free buffers a download keeps: the chunk being written, this file's next read, the next file's
 * first chunk and second read (read ahead by streamZip), and one to spare.
 */
const KEEP = 5;

/**
 * Writes bytes `start`..`end` (inclusive) of the archive to `out` (a Node response or socket),
 * without ending it: the one writer of every ZIP download (owner routes before Next.js, the share
 * listener). The entries' data is read into a few READ_CHUNK buffers reused in turn (a buffer goes
 * back to the pool when its socket write completes) and written with backpressure (the next chunk
 * waits for `drain`), while the next read and the next file's open run ahead. `out` closing early
 * (a dropped download) rejects with ERR_STREAM_PREMATURE_CLOSE once every file the archive had
 * open is closed. Memory: ≈ KEEP × 4 MiB per download, whatever its size.
 */
export async function writeZip(out: Writable, zip: { layout: ZipLayout; source: ZipSource }, start: number, end: number): Promise<void> {
  const pool = createBufferPool(READ_CHUNK, KEEP);
  const chunks = streamZip(zip.layout, zip.source, start, end, pool);
  const closed = closedSignal(out);
  try {
    for (;;) {
      const next = await Promise.race([chunks.next(), closed.promise]);
      if (next.done) break;
      const chunk = next.value;
      const flowing = out.write(chunk, (error) => {
        if (!error) pool.give(chunk);
      });
      if (!flowing) await Promise.race([new Promise((resolve) => out.once("drain", resolve)), closed.promise]);
    }
  } finally {
    closed.dispose();
    await chunks.return(undefined); // after a read still under way: closes the files streamZip holds
  }
}
