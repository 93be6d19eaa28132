import type { FileHandle } from "node:fs/promises";
import { blank, minimalTiff, readAt, tiffOrientation, type Patch } from "./patches";

const EXIF = Buffer.from("Exif\0\0", "latin1");
const KEEP = new Set([0xe0, 0xe2, 0xee]); // APP0 JFIF, APP2 ICC profile/MPF, APP14 Adobe (colour transform)

/**
 * Patches that blank a JPEG's private metadata: Exif (GPS, maker notes with serial numbers,
 * the embedded thumbnail) becomes a minimal block that keeps only the orientation; XMP (history,
 * face regions), IPTC/Photoshop, comments and other APPn segments become zeros. Images an MPF
 * index points at (gain maps, depth maps…) are treated the same way. Entropy-coded data is never read.
 * `found.videoLength` reports the length of a Motion Photo's appended video, from its XMP.
 */
export async function jpegPatches(fh: FileHandle, start = 0, depth = 0, found: { videoLength?: number } = {}): Promise<Patch[]> {
  const patches: Patch[] = [];
  if (!(await readAt(fh, start, 2)).equals(Buffer.from([0xff, 0xd8]))) return patches;
  let pos = start + 2;
  for (;;) {
    const head = await readAt(fh, pos, 4);
    if (head.length < 4 || head[0] !== 0xff) break;
    const marker = head[1]!;
    if (marker === 0xff) {
      pos += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image / start of scan: metadata is before it
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    const length = head.readUInt16BE(2);
    const payload = pos + 4;
    const size = length - 2;
    if (size < 0) break;
    const isApp = marker >= 0xe1 && marker <= 0xef;
    if (marker === 0xe1) {
      const body = await readAt(fh, payload, size);
      if (body.subarray(0, 6).equals(EXIF)) {
        patches.push({ offset: payload, length: size, bytes: Buffer.concat([EXIF, minimalTiff(size - 6, tiffOrientation(body.subarray(6)))]) });
      } else {
        // A Motion Photo's XMP says how long the video appended after the JPEG is (read before blanking).
        const length = /(?:MicroVideoOffset|Item:Semantic="MotionPhoto"[^>]*?Item:Length)="(\d+)"/.exec(body.toString("latin1"))?.[1];
        if (length && depth === 0) found.videoLength = Number(length);
        patches.push(blank(payload, size));
      }
    } else if (marker === 0xe2 && depth === 0) {
      const body = await readAt(fh, payload, size);
      if (body.subarray(0, 4).toString("latin1") === "MPF\0") {
        for (const image of mpfImages(body.subarray(4), payload + 4)) patches.push(...(await jpegPatches(fh, image, depth + 1)));
      }
    } else if ((isApp && !KEEP.has(marker)) || marker === 0xfe) patches.push(blank(payload, size));
    pos = payload + size;
  }
  return patches;
}

/** File offsets of the secondary images an MPF index lists (offsets are relative to its TIFF header). */
function mpfImages(tiff: Buffer, tiffAt: number): number[] {
  if (tiff.length < 8) return [];
  const le = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return [];
  const out: number[] = [];
  for (let i = 0; i < u16(ifd); i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length || u16(entry) !== 0xb002) continue;
    const count = u32(entry + 4);
    const list = u32(entry + 8);
    for (let k = 0; k * 16 < count && list + k * 16 + 16 <= tiff.length; k++) {
      const offset = u32(list + k * 16 + 8);
      if (offset > 0) out.push(tiffAt + offset);
    }
  }
  return out;
}
