/** Where the video of a Motion Photo sits inside the still's file. */
export type EmbeddedVideo = { offset: number; length: number };

const BRANDS = /^(isom|iso[2-9]|mp4[12]|avc1|qt {2}|3gp[4-9]|M4V |mmp4|MSNV|dash)$/;

/**
 * Finds the MP4 that Google (MicroVideo/MotionPhoto XMP) and Samsung (SEF trailer) phones append
 * to JPEG/HEIC stills. `xmpOffsetFromEnd` is GCamera:MicroVideoOffset or the MotionPhoto
 * container item length, when the XMP declares one. Returns null for ordinary stills.
 */
export function findEmbeddedVideo(file: Buffer, xmpOffsetFromEnd?: number): EmbeddedVideo | null {
  if (xmpOffsetFromEnd && xmpOffsetFromEnd > 8 && xmpOffsetFromEnd < file.length) {
    const found = videoAt(file, file.length - xmpOffsetFromEnd);
    if (found) return found;
  }
  // Otherwise look for an ISO-BMFF `ftyp` box after the still (skip a HEIC's own ftyp at 4). Box
  // runs from different candidates merge into the same boxes: each box is walked once (`walked`).
  const walked = new Map<number, BoxRun>();
  let from = 8;
  for (;;) {
    const at = file.indexOf("ftyp", from, "latin1");
    if (at < 0) return null;
    const found = videoAt(file, at - 4, walked);
    if (found) return found;
    from = at + 4;
  }
}

/** What the top-level boxes from one box boundary to the end of their run hold. */
type BoxRun = { end: number; moov: boolean; mdat: boolean };

/** Parses top-level boxes from `offset`; a run that starts with ftyp and holds moov + mdat is a video. */
function videoAt(file: Buffer, offset: number, walked = new Map<number, BoxRun>()): EmbeddedVideo | null {
  if (offset < 8 || offset + 16 > file.length) return null;
  if (file.toString("latin1", offset + 4, offset + 8) !== "ftyp") return null;
  if (!BRANDS.test(file.toString("latin1", offset + 8, offset + 12))) return null;
  const run = boxRun(file, offset, walked);
  return run.moov && run.mdat ? { offset, length: run.end - offset } : null;
}

function boxRun(file: Buffer, offset: number, walked: Map<number, BoxRun>): BoxRun {
  const boxes: { at: number; type: string }[] = [];
  let cursor = offset;
  let rest: BoxRun | undefined;
  while (cursor + 8 <= file.length) {
    rest = walked.get(cursor);
    if (rest) break;
    let size = file.readUInt32BE(cursor);
    const type = file.toString("latin1", cursor + 4, cursor + 8);
    if (!/^[a-z0-9 ]{4}$/i.test(type)) break;
    if (size === 1) {
      if (cursor + 16 > file.length) break;
      size = Number(file.readBigUInt64BE(cursor + 8));
    } else if (size === 0) {
      size = file.length - cursor;
    }
    if (size < 8 || cursor + size > file.length) break;
    boxes.push({ at: cursor, type });
    cursor += size;
  }
  let run = rest ?? { end: cursor, moov: false, mdat: false };
  for (const box of boxes.reverse()) {
    run = { end: run.end, moov: run.moov || box.type === "moov", mdat: run.mdat || box.type === "mdat" };
    walked.set(box.at, run);
  }
  return run;
}

/** Reads the declared offset of the embedded video from a photo's XMP (as parsed by exifr). */
export function xmpVideoOffset(raw: Record<string, unknown>): number | undefined {
  const gcamera = raw.GCamera as Record<string, unknown> | undefined;
  const micro = Number(gcamera?.MicroVideoOffset);
  if (Number.isFinite(micro) && micro > 0) return micro;
  const container = raw.Container as { Directory?: unknown } | undefined;
  const items = JSON.stringify(container?.Directory ?? "");
  const match = /"Semantic":"MotionPhoto"[^}]*?"Length":"?(\d+)/.exec(items) ?? /"Length":"?(\d+)"?[^}]*?"Semantic":"MotionPhoto"/.exec(items);
  return match ? Number(match[1]) : undefined;
}
