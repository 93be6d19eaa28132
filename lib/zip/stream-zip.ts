import zlib from "node:zlib";
import type { BufferPool } from "@/lib/server/buffer-pool";
import { centralDirectory, dataDescriptor, type ZipLayout } from "./zip-layout";

/** Where the bytes of each entry come from, and its CRC-32 when it was computed before. */
export type ZipSource = {
  /** Bytes `start`..`end` (inclusive) of entry `index`, read into buffers taken from `pool` when one is given. */
  read: (index: number, start: number, end: number, pool?: BufferPool) => AsyncIterable<Buffer>;
  /** The CRC-32 of entry `index`: from a cache, or computed by reading the whole entry. */
  crc: (index: number) => Promise<number>;
  /** Called with a CRC computed while streaming a whole entry (to cache it). */
  learned?: (index: number, crc: number) => Promise<void>;
  /** The CRC-32 of entry `index` when it is known already, or cheap to derive (then the entry is streamed untouched). */
  known?: (index: number) => Promise<number | undefined>;
  /** Called once the range is produced, or when its reader stops early (to write what was learned). */
  finished?: () => Promise<void>;
};

/**
 * Bytes `start`..`end` (inclusive) of the archive `layout` describes, produced in order with
 * memory bounded by a few read chunks (the central directory, ~100 bytes an entry, is built once it
 * is reached). The same range always yields the same bytes, so a resumed download joins up. With
 * a `pool`, the entries' data chunks are its buffers, which the consumer gives back once sent.
 */
export async function* streamZip(layout: ZipLayout, source: ZipSource, start = 0, end = layout.size - 1, pool?: BufferPool): AsyncGenerator<Buffer> {
  const crcs = new Map<number, number>();
  const crcOf = async (index: number) => {
    let crc = crcs.get(index);
    if (crc === undefined) crcs.set(index, (crc = await source.crc(index)));
    return crc;
  };
  // Adjacent header pieces (a descriptor, the next local header…) go out as one chunk: a chunk
  // costs the same few hops through the response stream whatever its size.
  let pending: Buffer[] = [];
  const flush = () => {
    const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    return bytes;
  };
  // The data spans the range covers, in order: the next one is opened and its first chunk read
  // while this one's last read is under way, so a file's open and first read do not wait for the
  // previous file to end (for an album of photos, that wait was most of what a ZIP paid per file).
  const spans = layout.segments.flatMap((segment) => {
    const segEnd = segment.start + segment.length - 1;
    if (segment.kind !== "data" || segEnd < start || segment.start > end) return [];
    return [{ index: segment.index, from: Math.max(start, segment.start) - segment.start, to: Math.min(end, segEnd) - segment.start }];
  });
  let next = 0;
  let ahead: Opened | undefined;
  const open = (span: { index: number; from: number; to: number }): Opened => {
    const chunks = source.read(span.index, span.from, span.to, pool)[Symbol.asyncIterator]();
    const first = chunks.next();
    first.catch(() => {}); // awaited when its turn comes, unless the reader stops first
    return { chunks, first };
  };
  try {
    for (const segment of layout.segments) {
      const segEnd = segment.start + segment.length - 1;
      if (segEnd < start || segment.start > end || segment.length === 0) continue;
      const from = Math.max(start, segment.start) - segment.start;
      const to = Math.min(end, segEnd) - segment.start;
      if (segment.kind === "data") {
        const whole = from === 0 && to === segment.length - 1 && !crcs.has(segment.index) && (await source.known?.(segment.index)) === undefined;
        if (pending.length > 0) yield flush();
        let crc = 0;
        const opened = ahead ?? open(spans[next]!);
        ahead = undefined;
        next++;
        let left = to - from + 1;
        let result = await opened.first;
        try {
          for (; !result.done; result = await opened.chunks.next()) {
            const chunk = result.value;
            left -= chunk.length;
            // This entry's last read is under way (what is left fits in a chunk like this one): start the next.
            if (!ahead && left <= chunk.length && next < spans.length) ahead = open(spans[next]!);
            if (whole) crc = zlib.crc32(chunk, crc);
            yield chunk;
          }
        } finally {
          if (!result.done) await opened.chunks.return?.(); // the reader stopped (or a read failed) part-way: close the file
        }
        if (whole) {
          crcs.set(segment.index, crc >>> 0);
          await source.learned?.(segment.index, crc >>> 0);
        }
        continue;
      }
      let bytes: Buffer;
      if (segment.kind === "bytes") bytes = segment.bytes;
      else if (segment.kind === "descriptor") {
        const entry = layout.entries[segment.index]!;
        bytes = dataDescriptor(entry, entry.size === 0 ? 0 : await crcOf(segment.index));
      } else {
        const all: number[] = [];
        for (let i = 0; i < layout.entries.length; i++) all.push(layout.entries[i]!.size === 0 ? 0 : await crcOf(i));
        bytes = centralDirectory(layout, all);
      }
      pending.push(from === 0 && to === bytes.length - 1 ? bytes : bytes.subarray(from, to + 1));
    }
    if (pending.length > 0) yield flush();
  } finally {
    await ahead?.chunks.return?.();
    await source.finished?.();
  }
}

/** An entry's chunks whose first is being read already. */
type Opened = { chunks: AsyncIterator<Buffer>; first: Promise<IteratorResult<Buffer>> };
