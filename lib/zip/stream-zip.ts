import zlib from "node:zlib";
import { centralDirectory, dataDescriptor, type ZipLayout } from "./zip-layout";

/** Where the bytes of each entry come from, and its CRC-32 when it was computed before. */
export type ZipSource = {
  /** Bytes `start`..`end` (inclusive) of entry `index`. */
  read: (index: number, start: number, end: number) => AsyncIterable<Buffer>;
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
 * memory bounded by one read chunk (the central directory, ~100 bytes an entry, is built once it
 * is reached). The same range always yields the same bytes, so a resumed download joins up.
 */
export async function* streamZip(layout: ZipLayout, source: ZipSource, start = 0, end = layout.size - 1): AsyncGenerator<Buffer> {
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
        for await (const chunk of source.read(segment.index, from, to)) {
          if (whole) crc = zlib.crc32(chunk, crc);
          yield chunk;
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
    await source.finished?.();
  }
}
