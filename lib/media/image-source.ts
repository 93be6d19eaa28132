import fs from "node:fs/promises";
import decodeHeic from "heic-decode";
import sharp, { type Sharp } from "sharp";

/** Why an image could not be opened: the file itself is at fault, retrying will not help. */
export class UndecodableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UndecodableError";
  }
}

export type ImageInput = { path: string; mime: string; raw: boolean; orientation?: number | null };

sharp.concurrency(2);
// Every image is decoded once per job or request: libvips' operation cache only kept up to 64 MiB
// of pixels nobody asked for again (the worker ~30 MiB less after the bench, same thumbnail times).
sharp.cache(false);

/**
 * Opens an original as an upright sharp pipeline (EXIF orientation applied). HEIC/HEVC goes
 * through libheif (WASM) since sharp's libvips only decodes AV1 HEIF; RAW files use the
 * largest embedded JPEG preview. Pixel floods are refused from the header, before decoding.
 */
export async function openImage(input: ImageInput, maxPixels: number): Promise<Sharp> {
  const options = { failOn: "error", limitInputPixels: maxPixels, sequentialRead: true } as const;
  try {
    if (input.mime === "image/heic" || input.mime === "image/heif" || input.mime.endsWith("-sequence")) {
      await assertPixels(sharp(input.path, options), maxPixels);
      const buffer = await fs.readFile(input.path);
      const image = await decodeHeic({ buffer });
      return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
        raw: { width: image.width, height: image.height, channels: 4 },
        limitInputPixels: maxPixels,
      });
    }
    if (input.raw) {
      const preview = largestEmbeddedJpeg(await fs.readFile(input.path));
      if (!preview) throw new UndecodableError("this RAW file has no embedded preview");
      const image = sharp(preview, options);
      const { orientation } = await image.metadata();
      return orientation ? image.rotate() : applyOrientation(image, input.orientation ?? 1);
    }
    // limitInputPixels makes libvips refuse an oversized header before it decodes any pixel.
    return sharp(input.path, { ...options, animated: false }).rotate();
  } catch (error) {
    if (error instanceof UndecodableError || error instanceof PixelLimitError) throw error;
    throw new UndecodableError((error as Error).message, { cause: error });
  }
}

/** Thrown when an image's header declares more pixels than allowed. */
export class PixelLimitError extends Error {
  constructor(readonly pixels: number, readonly limit: number) {
    super(`The image has ${(pixels / 1e6).toFixed(0)} megapixels; the limit is ${(limit / 1e6).toFixed(0)}.`);
    this.name = "PixelLimitError";
  }
}

async function assertPixels(image: Sharp, maxPixels: number): Promise<void> {
  const { width, height } = await image.metadata();
  if (width && height && width * height > maxPixels) throw new PixelLimitError(width * height, maxPixels);
}

/** Stored dimensions from the header alone (no decode), or null when the header is unreadable. */
export async function readHeaderSize(filePath: string): Promise<{ width: number; height: number } | null> {
  try {
    const { width, height } = await sharp(filePath, { limitInputPixels: false }).metadata();
    return width && height ? { width, height } : null;
  } catch {
    return null;
  }
}

/** Applies an EXIF orientation (1–8) explicitly, for previews whose own EXIF lost it. */
export function applyOrientation(image: Sharp, orientation: number): Sharp {
  switch (orientation) {
    case 2: return image.flop();
    case 3: return image.rotate(180);
    case 4: return image.flip();
    case 5: return image.rotate(90).flop();
    case 6: return image.rotate(90);
    case 7: return image.rotate(270).flop();
    case 8: return image.rotate(270);
    default: return image;
  }
}

const SOI = Buffer.from([0xff, 0xd8, 0xff]);
const EOI = Buffer.from([0xff, 0xd9]);
/** Marker segments allowed before a preview's scan: camera previews have about ten. */
const MAX_SEGMENTS = 100;

/**
 * The largest complete JPEG (SOI…EOI) embedded in a RAW container, or null. Linear in the file's
 * size whatever it holds: each candidate walks at most MAX_SEGMENTS headers, and the end of its
 * entropy-coded data is looked up in one index of the file's EOI markers instead of scanned again.
 */
export function largestEmbeddedJpeg(file: Buffer): Buffer | null {
  const endOfScan = eoiFinder(file);
  let best: Buffer | null = null;
  for (let start = file.indexOf(SOI); start >= 0; start = file.indexOf(SOI, start + 3)) {
    const end = endOfJpeg(file, start, endOfScan);
    if (end > start && (!best || end - start > best.length)) best = file.subarray(start, end);
  }
  return best;
}

// Walks JPEG segments to the start of scan; the entropy-coded data then runs to the next EOI.
function endOfJpeg(file: Buffer, start: number, endOfScan: (from: number) => number): number {
  let i = start + 2;
  for (let segments = 0; segments < MAX_SEGMENTS && i + 4 <= file.length; segments += 1) {
    if (file[i] !== 0xff) return -1;
    const marker = file[i + 1]!;
    if (marker === 0xd9) return i + 2;
    const length = file.readUInt16BE(i + 2);
    if (marker === 0xda) return endOfScan(i + 2 + length);
    i += 2 + length;
  }
  return -1;
}

/** `from => end of the first EOI at or after from` (or -1), from one pass over the file. */
function eoiFinder(file: Buffer): (from: number) => number {
  let count = 0;
  for (let at = file.indexOf(EOI); at >= 0; at = file.indexOf(EOI, at + 2)) count += 1;
  const positions = new Uint32Array(count);
  for (let at = file.indexOf(EOI), n = 0; at >= 0; at = file.indexOf(EOI, at + 2)) positions[n++] = at;
  return (from) => {
    let low = 0;
    let high = count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (positions[mid]! < from) low = mid + 1;
      else high = mid;
    }
    return low < count ? positions[low]! + 2 : -1;
  };
}
