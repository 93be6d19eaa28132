import zlib from "node:zlib";
import type { FileHandle } from "node:fs/promises";
import { readAt, type Patch } from "./patches";

const PRIVATE = new Set(["tEXt", "zTXt", "iTXt", "eXIf"]);
// Ancillary, private, safe-to-copy: every decoder skips it.
const BLANK_TYPE = Buffer.from("blAk", "latin1");

/** Patches that turn a PNG's text and Exif chunks (XMP lives in iTXt) into blank private chunks, CRC fixed. */
export async function pngPatches(fh: FileHandle): Promise<Patch[]> {
  const patches: Patch[] = [];
  let pos = 8;
  for (;;) {
    const head = await readAt(fh, pos, 8);
    if (head.length < 8) break;
    const length = head.readUInt32BE(0);
    const type = head.toString("latin1", 4, 8);
    if (type === "IEND") break;
    if (PRIVATE.has(type)) {
      const body = Buffer.concat([BLANK_TYPE, Buffer.alloc(length)]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(body) >>> 0);
      patches.push({ offset: pos + 4, length: length + 8, bytes: Buffer.concat([body, crc]) });
    }
    pos += 12 + length;
  }
  return patches;
}
