import fs from "node:fs";
import path from "node:path";
import type { TextSegment } from "./build-segment";

/**
 * What the worker last published: segments oldest first (the first `bases` from the last full
 * build, then deltas), and the change-feed position they cover. Version 2: flat segment files
 * (version 1 held lunr JSON; an index of that version is rebuilt on the worker's next pass).
 */
export type TextIndexManifest = { version: 2; seq: number; bases: number; segments: { file: string; docs: number }[]; builtAt: string };

export const MANIFEST = "manifest.json";

/** The published manifest, or null when none was written yet (or it is unreadable, or of an older version). */
export function readManifest(dir: string): TextIndexManifest | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8")) as TextIndexManifest;
    return manifest.version === 2 ? manifest : null;
  } catch {
    return null;
  }
}

// A segment file: "ALBS", the header's byte length (u32 LE), the header (JSON: ids, fields, terms,
// postings), zero padding to a multiple of 4, then starts (u32), docs (u32), weights (f32), capture
// times (f64, one per id), all LE, and kinds (u8, one per id).
const MAGIC = "ALBS";
type Header = { ids: string[]; fields: string[]; terms: string[]; postings: number };

export function encodeSegment(segment: TextSegment): Buffer {
  const header = Buffer.from(JSON.stringify({ ids: segment.ids, fields: segment.fields, terms: segment.terms, postings: segment.docs.length } satisfies Header));
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, "latin1");
  prefix.writeUInt32LE(header.length, 4);
  const padding = Buffer.alloc((4 - ((prefix.length + header.length) % 4)) % 4);
  const bytes = (array: Uint32Array | Float32Array | Float64Array | Uint8Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  return Buffer.concat([prefix, header, padding, bytes(segment.starts), bytes(segment.docs), bytes(segment.weights), bytes(segment.times), bytes(segment.kinds)]);
}

export function decodeSegment(buffer: Buffer): TextSegment {
  const header = readHeader(buffer);
  let offset = 8 + buffer.readUInt32LE(4);
  offset += (4 - (offset % 4)) % 4;
  // Copied out of the file's buffer: typed arrays need 4-byte alignment, and a copy owns its memory.
  const take = <T>(Kind: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }, count: number): T => {
    const copy = new Uint8Array(buffer.subarray(offset, offset + count * Kind.BYTES_PER_ELEMENT));
    offset += count * Kind.BYTES_PER_ELEMENT;
    return new Kind(copy.buffer);
  };
  const starts = take(Uint32Array, header.terms.length * header.fields.length + 1);
  const docs = take(Uint32Array, header.postings);
  const weights = take(Float32Array, header.postings);
  const times = take(Float64Array, header.ids.length);
  const kinds = take(Uint8Array, header.ids.length);
  if (offset !== buffer.length) throw new Error("text index segment has the wrong length");
  return { ids: header.ids, kinds, times, fields: header.fields, terms: header.terms, starts, docs, weights };
}

function readHeader(buffer: Buffer): Header {
  if (buffer.length < 8 || buffer.toString("latin1", 0, 4) !== MAGIC) throw new Error("not a text index segment");
  return JSON.parse(buffer.toString("utf8", 8, 8 + buffer.readUInt32LE(4))) as Header;
}

export function readSegment(dir: string, file: string): TextSegment {
  return decodeSegment(fs.readFileSync(path.join(dir, file)));
}

/** The assets a segment speaks for, without decoding its postings. */
export function readSegmentIds(dir: string, file: string): string[] {
  return readHeader(fs.readFileSync(path.join(dir, file))).ids;
}

/** Writes a file whole or not at all (temp + rename): readers see the old or the new version. */
export function writeAtomically(dir: string, file: string, content: string | Buffer): void {
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${file}.${process.pid}.tmp`);
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, path.join(dir, file));
}

/** Removes segment files the manifest no longer lists (after a merge, or an older format's), and stray temp files. */
export function removeUnlisted(dir: string, manifest: TextIndexManifest): void {
  const keep = new Set([MANIFEST, ...manifest.segments.map((s) => s.file)]);
  for (const entry of fs.readdirSync(dir)) if (!keep.has(entry)) fs.rmSync(path.join(dir, entry), { force: true });
}
