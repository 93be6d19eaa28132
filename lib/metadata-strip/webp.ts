import type { FileHandle } from "node:fs/promises";
import { readAt, type Patch } from "./patches";

/** Patches that turn a WebP's EXIF and XMP chunks into zeroed `JUNK` chunks and clear their VP8X flags. */
export async function webpPatches(fh: FileHandle): Promise<Patch[]> {
  const patches: Patch[] = [];
  const riff = await readAt(fh, 0, 12);
  if (riff.toString("latin1", 0, 4) !== "RIFF" || riff.toString("latin1", 8, 12) !== "WEBP") return patches;
  const end = 8 + riff.readUInt32LE(4);
  let pos = 12;
  while (pos + 8 <= end) {
    const head = await readAt(fh, pos, 9);
    if (head.length < 8) break;
    const fourcc = head.toString("latin1", 0, 4);
    const size = head.readUInt32LE(4);
    if (fourcc === "VP8X" && head.length === 9) patches.push({ offset: pos + 8, length: 1, bytes: Buffer.from([head[8]! & ~0x0c]) });
    if (fourcc === "EXIF" || fourcc === "XMP ") patches.push({ offset: pos, length: 8 + size, bytes: Buffer.concat([Buffer.from("JUNK", "latin1"), head.subarray(4, 8), Buffer.alloc(size)]) });
    pos += 8 + size + (size & 1);
  }
  return patches;
}
