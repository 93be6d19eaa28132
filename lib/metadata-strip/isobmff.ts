import type { FileHandle } from "node:fs/promises";
import { blank, minimalTiff, readAt, type Patch } from "./patches";

type Box = { type: string; start: number; header: number; end: number };

/** The boxes between `start` and `end` (32-bit, 64-bit and to-end sizes). */
async function boxes(fh: FileHandle, start: number, end: number): Promise<Box[]> {
  const out: Box[] = [];
  let pos = start;
  while (pos + 8 <= end) {
    const head = await readAt(fh, pos, 16);
    if (head.length < 8) break;
    let size = head.readUInt32BE(0);
    let header = 8;
    if (size === 1 && head.length === 16) {
      size = Number(head.readBigUInt64BE(8));
      header = 16;
    } else if (size === 0) size = end - pos;
    if (size < header || pos + size > end) break;
    out.push({ type: head.toString("latin1", 4, 8), start: pos, header, end: pos + size });
    pos += size;
  }
  return out;
}

/** A box's type becomes `free` and its body zeros: players skip it, nothing else moves. */
const freeBox = (box: Box): Patch => ({ offset: box.start + 4, length: box.end - box.start - 4, bytes: Buffer.concat([Buffer.from("free", "latin1"), Buffer.alloc(box.end - box.start - 8)]) });

/**
 * Patches for MP4/MOV: user data (`udta`: ©xyz GPS, camera serials), metadata (`meta`: Apple's
 * location and device keys) in the movie and its tracks, and top-level XMP (`uuid`) become `free`
 * boxes full of zeros. Sample data is never touched or read. `start`: where the movie begins (the
 * video of a Motion Photo follows its JPEG).
 */
export async function moviePatches(fh: FileHandle, size: number, start = 0): Promise<Patch[]> {
  const patches: Patch[] = [];
  const walk = async (start: number, end: number, depth: number) => {
    for (const box of await boxes(fh, start, end)) {
      if (box.type === "udta" || box.type === "meta" || (depth === 0 && box.type === "uuid")) patches.push(freeBox(box));
      else if (box.type === "moov" || box.type === "trak") await walk(box.start + box.header, box.end, depth + 1);
    }
  };
  await walk(start, size, 0);
  return patches;
}

/**
 * Patches for HEIC/HEIF/AVIF: the Exif item becomes an empty TIFF block and XMP items zeros
 * (located through `iinf`/`iloc`; orientation lives in `irot`/`imir`, which stay).
 */
export async function heifPatches(fh: FileHandle, size: number): Promise<Patch[]> {
  const meta = (await boxes(fh, 0, size)).find((b) => b.type === "meta");
  if (!meta) return [];
  const children = await boxes(fh, meta.start + meta.header + 4, meta.end);
  const iinf = children.find((b) => b.type === "iinf");
  const iloc = children.find((b) => b.type === "iloc");
  const idat = children.find((b) => b.type === "idat");
  if (!iinf || !iloc) return [];
  const kinds = await itemKinds(fh, iinf);
  const patches: Patch[] = [];
  for (const extent of await itemExtents(fh, iloc, idat)) {
    const kind = kinds.get(extent.item);
    if (kind === "exif") patches.push({ offset: extent.offset, length: extent.length, bytes: extent.length >= 30 ? Buffer.concat([Buffer.alloc(4), minimalTiff(extent.length - 4, undefined)]) : Buffer.alloc(extent.length) });
    else if (kind === "xmp") patches.push(blank(extent.offset, extent.length));
  }
  return patches;
}

async function itemKinds(fh: FileHandle, iinf: Box): Promise<Map<number, "exif" | "xmp">> {
  const body = await readAt(fh, iinf.start + iinf.header, Math.min(iinf.end - iinf.start - iinf.header, 1 << 20));
  const kinds = new Map<number, "exif" | "xmp">();
  let pos = body[0] === 0 ? 6 : 8; // version/flags + entry count (16 or 32 bits)
  while (pos + 8 <= body.length) {
    const size = body.readUInt32BE(pos);
    if (size < 8 || body.toString("latin1", pos + 4, pos + 8) !== "infe") break;
    const version = body[pos + 8]!;
    if (version >= 2) {
      const idSize = version === 2 ? 2 : 4;
      const id = idSize === 2 ? body.readUInt16BE(pos + 12) : body.readUInt32BE(pos + 12);
      const typeAt = pos + 12 + idSize + 2;
      const type = body.toString("latin1", typeAt, typeAt + 4);
      const rest = body.toString("latin1", typeAt + 4, pos + size);
      if (type === "Exif") kinds.set(id, "exif");
      else if (type === "mime" && rest.includes("application/rdf+xml")) kinds.set(id, "xmp");
    }
    pos += size;
  }
  return kinds;
}

async function itemExtents(fh: FileHandle, iloc: Box, idat: Box | undefined): Promise<{ item: number; offset: number; length: number }[]> {
  const body = await readAt(fh, iloc.start + iloc.header, Math.min(iloc.end - iloc.start - iloc.header, 1 << 20));
  const version = body[0]!;
  const offsetSize = body[4]! >> 4;
  const lengthSize = body[4]! & 15;
  const baseSize = body[5]! >> 4;
  const indexSize = version >= 1 ? body[5]! & 15 : 0;
  let pos = 6;
  const read = (bytes: number) => {
    let value = 0;
    for (let i = 0; i < bytes; i++) value = value * 256 + body[pos + i]!;
    pos += bytes;
    return value;
  };
  const count = read(version < 2 ? 2 : 4);
  const out: { item: number; offset: number; length: number }[] = [];
  for (let i = 0; i < count && pos < body.length; i++) {
    const item = read(version < 2 ? 2 : 4);
    const method = version >= 1 ? read(2) & 15 : 0;
    read(2); // data reference index
    const base = read(baseSize);
    const extents = read(2);
    for (let e = 0; e < extents; e++) {
      read(indexSize);
      const offset = read(offsetSize);
      const length = read(lengthSize);
      if (method === 0) out.push({ item, offset: base + offset, length });
      else if (method === 1 && idat) out.push({ item, offset: idat.start + idat.header + base + offset, length });
    }
  }
  return out;
}
