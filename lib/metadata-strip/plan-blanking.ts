import fs from "node:fs/promises";
import { heifPatches, moviePatches } from "./isobmff";
import { jpegPatches } from "./jpeg";
import type { Patch } from "./patches";
import { pngPatches } from "./png";
import { webpPatches } from "./webp";

/** Bumped whenever the patches change, so cached CRCs of guest copies are not reused. */
export const BLANKING_VERSION = 2;

/**
 * The patches that remove private metadata (GPS, serial numbers, XMP history, face names) from a
 * file a guest receives, by overwriting it in place: same size, no re-encoding, pixels and samples
 * untouched. Types it does not know get no patches (documents are never shared to guests).
 * `found.videoLength`: the length of a Motion Photo's appended video its XMP declares, if any.
 */
export async function planBlanking(file: string, mime: string, found: { videoLength?: number } = {}): Promise<Patch[]> {
  const fh = await fs.open(file, "r");
  try {
    const { size } = await fh.stat();
    let patches: Patch[] = [];
    if (mime === "image/jpeg") {
      patches = await jpegPatches(fh, 0, 0, found);
      if (found.videoLength && found.videoLength < size) patches.push(...(await moviePatches(fh, size, size - found.videoLength)));
    }
    else if (mime === "image/png") patches = await pngPatches(fh);
    else if (mime === "image/webp") patches = await webpPatches(fh);
    else if (mime === "image/heic" || mime === "image/heif" || mime === "image/avif") patches = await heifPatches(fh, size);
    else if (mime.startsWith("video/")) patches = await moviePatches(fh, size);
    return patches.filter((p) => p.offset >= 0 && p.offset + p.length <= size).sort((a, b) => a.offset - b.offset);
  } finally {
    await fh.close();
  }
}
