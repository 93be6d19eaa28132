import fs from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { findEmbeddedVideo } from "@/lib/media/motion-photo";
import { planBlanking } from "./plan-blanking";
import { readAt, type Patch } from "./patches";

/** What a guest receives of one original: its first `size` bytes with `patches` laid over them. */
export type GuestCopy = { patches: Patch[]; size: number };

const SAMSUNG_MARKER = Buffer.from("MotionPhoto_Data", "latin1");

/**
 * Plans a guest's copy of an original of `size` bytes: private metadata blanked in place
 * (planBlanking), and for a Motion Photo (`motionPhoto`: its video was found at ingest) the file
 * cut where the appended video starts — the MP4 holds its own location and is often as large as
 * the still, and a guest gets the photo. The cut also drops what follows the video (Samsung's SEF
 * trailer). Deterministic for a given file and flag, so ranges and resumes join up. The cut is
 * found with a few small reads (the XMP's declared offset, or Samsung's SEF directory); only a
 * file that declares neither is read whole.
 */
export async function planGuestCopy(file: string, size: number, mime: string, motionPhoto: boolean): Promise<GuestCopy> {
  const found: { videoLength?: number } = {};
  const patches = await planBlanking(file, mime, found);
  if (!motionPhoto) return { patches, size };
  const cut = await findCut(file, size, found.videoLength);
  if (cut === null) return { patches, size };
  return { patches: patches.filter((p) => p.offset < cut).map((p) => (p.offset + p.length <= cut ? p : { ...p, length: cut - p.offset, bytes: p.bytes?.subarray(0, cut - p.offset) })), size: cut };
}

async function findCut(file: string, size: number, xmpVideoLength: number | undefined): Promise<number | null> {
  const fh = await fs.open(file, "r");
  try {
    if (xmpVideoLength && xmpVideoLength < size) {
      const at = size - xmpVideoLength;
      if ((await readAt(fh, at + 4, 4)).toString("latin1") === "ftyp") return stillEnd(await readAt(fh, Math.max(0, at - 16), Math.min(16, at)), at);
    }
    const sef = await samsungTrailerStart(fh, size);
    if (sef !== null) return sef;
  } finally {
    await fh.close();
  }
  const bytes = await fs.readFile(file);
  const video = findEmbeddedVideo(bytes, xmpVideoLength);
  return video ? stillEnd(bytes.subarray(Math.max(0, video.offset - 16), video.offset), video.offset) : null;
}

/**
 * Where Samsung's appended data starts, from the SEF directory at the end of the file (`…SEFH
 * <entries> <directory length> SEFT`; each entry points back at a block `<type> <name length>
 * <name> <data>`): the first block, when one of them is the Motion Photo's video. Null otherwise.
 */
async function samsungTrailerStart(fh: FileHandle, size: number): Promise<number | null> {
  if (size < 24) return null;
  const tail = await readAt(fh, size - 8, 8);
  if (tail.toString("latin1", 4) !== "SEFT") return null;
  const dirLength = tail.readUInt32LE(0);
  const dirAt = size - 8 - dirLength;
  if (dirLength < 12 || dirAt < 0) return null;
  const dir = await readAt(fh, dirAt, dirLength);
  if (dir.toString("latin1", 0, 4) !== "SEFH") return null;
  const count = dir.readUInt32LE(8);
  let first = dirAt;
  let motion = false;
  for (let i = 0; i < count && 12 + i * 12 + 12 <= dir.length; i++) {
    const blockAt = dirAt - dir.readUInt32LE(12 + i * 12 + 4);
    if (blockAt <= 2 || blockAt >= dirAt) return null;
    const head = await readAt(fh, blockAt, 8 + SAMSUNG_MARKER.length);
    if (head.length === 8 + SAMSUNG_MARKER.length && head.readUInt32LE(4) === SAMSUNG_MARKER.length && head.subarray(8).equals(SAMSUNG_MARKER)) motion = true;
    first = Math.min(first, blockAt);
  }
  return motion ? first : null;
}

/** Where the still ends, given the (up to) 16 bytes `before` the video at `videoAt`: before Samsung's `MotionPhoto_Data` marker or the HEIC box wrapping it. */
function stillEnd(before: Buffer, videoAt: number): number {
  if (before.length >= 16 && before.subarray(-16).equals(SAMSUNG_MARKER)) return videoAt - 16;
  if (before.length >= 8 && before.toString("latin1", before.length - 4) === "mpvd" && before.readUInt32BE(before.length - 8) >= 8) return videoAt - 8;
  return videoAt;
}
