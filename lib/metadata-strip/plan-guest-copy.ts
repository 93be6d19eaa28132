import fs from "node:fs/promises";
import { findEmbeddedVideo } from "@/lib/media/motion-photo";
import { planBlanking } from "./plan-blanking";
import type { Patch } from "./patches";

/** What a guest receives of one original: its first `size` bytes with `patches` laid over them. */
export type GuestCopy = { patches: Patch[]; size: number };

const SAMSUNG_MARKER = Buffer.from("MotionPhoto_Data", "latin1");

/**
 * Plans a guest's copy of an original of `size` bytes: private metadata blanked in place
 * (planBlanking), and for a Motion Photo (`motionPhoto`: its video was found at ingest) the file
 * cut where the appended video starts — the MP4 holds its own location and is often as large as
 * the still, and a guest gets the photo. The cut also drops what follows the video (Samsung's SEF
 * trailer). Deterministic for a given file and flag, so ranges and resumes join up.
 */
export async function planGuestCopy(file: string, size: number, mime: string, motionPhoto: boolean): Promise<GuestCopy> {
  const found: { videoLength?: number } = {};
  const patches = await planBlanking(file, mime, found);
  if (!motionPhoto) return { patches, size };
  const bytes = await fs.readFile(file);
  const video = findEmbeddedVideo(bytes, found.videoLength);
  if (!video) return { patches, size };
  const cut = stillEnd(bytes, video.offset);
  return { patches: patches.filter((p) => p.offset < cut).map((p) => (p.offset + p.length <= cut ? p : { ...p, length: cut - p.offset, bytes: p.bytes?.subarray(0, cut - p.offset) })), size: cut };
}

/** Where the still ends: before the video, and before Samsung's `MotionPhoto_Data` marker or the HEIC box wrapping it. */
function stillEnd(bytes: Buffer, videoAt: number): number {
  const marker = videoAt - SAMSUNG_MARKER.length;
  if (marker >= 0 && bytes.subarray(marker, videoAt).equals(SAMSUNG_MARKER)) return marker;
  const box = videoAt - 8;
  if (box >= 0 && bytes.toString("latin1", box + 4, videoAt) === "mpvd" && box + bytes.readUInt32BE(box) >= videoAt) return box;
  return videoAt;
}
