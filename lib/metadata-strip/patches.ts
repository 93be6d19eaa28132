import type { BufferPool } from "@/lib/server/buffer-pool";
import { readFileRange } from "@/lib/server/read-file-range";
import type { FileHandle } from "node:fs/promises";

/** Bytes to put over the file at `offset`: `bytes`, or `length` zero bytes. Same length: nothing moves. */
export type Patch = { offset: number; length: number; bytes?: Buffer };

/** The last window read from each handle: metadata parsers read many small pieces close together. */
const windows = new WeakMap<FileHandle, { at: number; bytes: Buffer }>();
const WINDOW = 64 * 1024;

/**
 * Reads `length` bytes at `position` (fewer at the end of the file), a copy the caller may keep.
 * Small reads are served from a 64 KiB window read once, so parsing a file's metadata costs a
 * read or two rather than one per segment header.
 */
export async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  let window = windows.get(fh);
  if (length <= WINDOW && (!window || position < window.at || position + length > window.at + WINDOW)) {
    const buf = Buffer.alloc(WINDOW);
    const { bytesRead } = await fh.read(buf, 0, WINDOW, position);
    windows.set(fh, (window = { at: position, bytes: buf.subarray(0, bytesRead) }));
  }
  if (window && position >= window.at && position + length <= window.at + WINDOW) {
    return Buffer.from(window.bytes.subarray(position - window.at, position - window.at + length));
  }
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** Zero bytes over a span. */
export const blank = (offset: number, length: number): Patch => ({ offset, length });

/**
 * Bytes `start`..`end` (inclusive) of `file` with `patches` laid over them, read in chunks of up to 4 MiB:
 * what a guest receives, produced on the fly so its size and every byte range match the original.
 * `pool`: as for readFileRange (the patches are laid over the pooled buffer).
 */
export async function* readPatched(file: string, patches: Patch[], start: number, end: number, pool?: BufferPool): AsyncGenerator<Buffer> {
  let at = start;
  for await (const chunk of readFileRange(file, start, end, pool)) {
    overlay(chunk, at, patches);
    at += chunk.length;
    yield chunk;
  }
}

/** Lays `patches` over `chunk`, which holds the file's bytes from offset `at`. */
export function overlay(chunk: Buffer, at: number, patches: Patch[]): void {
  const chunkEnd = at + chunk.length;
  for (const p of patches) {
    const from = Math.max(p.offset, at);
    const to = Math.min(p.offset + p.length, chunkEnd);
    if (from >= to) continue;
    if (p.bytes) p.bytes.copy(chunk, from - at, from - p.offset, to - p.offset);
    else chunk.fill(0, from - at, to - at);
  }
}

/**
 * A minimal TIFF block (`II*\0`, one IFD) holding only the orientation, padded with zeros to
 * `length` bytes: what replaces an Exif block, so a photo still displays upright.
 */
export function minimalTiff(length: number, orientation: number | undefined): Buffer {
  const buf = Buffer.alloc(length);
  if (length < 26) return buf;
  buf.write("II*\0", 0, "latin1");
  buf.writeUInt32LE(8, 4);
  if (orientation === undefined) return buf; // zero entries, no next IFD
  buf.writeUInt16LE(1, 8);
  buf.writeUInt16LE(0x0112, 10);
  buf.writeUInt16LE(3, 12); // SHORT
  buf.writeUInt32LE(1, 14);
  buf.writeUInt16LE(orientation, 18);
  return buf;
}

/** The orientation (tag 0x0112) in IFD0 of a TIFF block, if any. */
export function tiffOrientation(tiff: Buffer): number | undefined {
  if (tiff.length < 8) return undefined;
  const le = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}
