import fs from "node:fs/promises";
import path from "node:path";
import * as exifr from "exifr";
import { XMP_LIMITS, xmpProblem } from "@/lib/media/read-metadata-segments";

/** What a sidecar may tell about a photo; each field only where the sidecar has it. */
export type SidecarFacts = { description?: string; rating?: number; capturedAt?: Date; timeZone?: string | null; latitude?: number; longitude?: number };

type Sidecar = (input: Buffer, options: object, type: string) => Promise<unknown>;
// exifr ships a UMD bundle (Node: its API is the default export) and an ES module (bundlers: named exports).
const api = exifr as unknown as { sidecar?: Sidecar; default?: { sidecar?: Sidecar } };
const sidecar: Sidecar = (input, options, type) => (api.sidecar ?? api.default!.sidecar!)(input, options, type);

/** `IMG_1.jpg.xmp` (darktable, digiKam) before `IMG_1.xmp` (Lightroom), case as on disk. */
export function sidecarCandidates(file: string): string[] {
  const base = file.slice(0, file.length - path.extname(file).length);
  return [`${file}.xmp`, `${file}.XMP`, `${base}.xmp`, `${base}.XMP`];
}

/**
 * Reads the XMP sidecar next to `file` (read only; none, unreadable, unparsable or beyond the XMP
 * limits photos' own XMP has → null): description, rating, capture time and GPS.
 */
export async function readXmpSidecar(file: string): Promise<SidecarFacts | null> {
  for (const candidate of sidecarCandidates(file)) {
    const stat = await fs.lstat(candidate).catch(() => null);
    if (!stat?.isFile() || stat.size > XMP_LIMITS.chars) continue;
    const text = await fs.readFile(candidate, "utf8").catch(() => null);
    if (text === null || xmpProblem(text)) return null;
    const parsed = (await sidecar(Buffer.from(text), { xmp: true, mergeOutput: false }, "xmp").catch(() => null)) as Record<string, Record<string, unknown>> | null;
    return parsed ? sidecarFacts(parsed) : null;
  }
  return null;
}

/** The facts in exifr's parse of a sidecar (namespaces as keys). */
export function sidecarFacts(xmp: Record<string, Record<string, unknown> | undefined>): SidecarFacts {
  const facts: SidecarFacts = {};
  const description = text(xmp.dc?.description);
  if (description) facts.description = description;
  const rating = Number(xmp.xmp?.Rating);
  if (Number.isFinite(rating) && rating >= -1 && rating <= 5 && xmp.xmp?.Rating !== undefined) facts.rating = rating;
  const when = String(xmp.exif?.DateTimeOriginal ?? xmp.photoshop?.DateCreated ?? xmp.xmp?.CreateDate ?? "");
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?$/.exec(when);
  if (match) {
    // Without an offset the time is the photo's local time: read as UTC, like EXIF without OffsetTime.
    const date = new Date(`${match[1]}${match[2] ?? "Z"}`);
    if (!Number.isNaN(date.getTime())) {
      facts.capturedAt = date;
      facts.timeZone = match[2] && match[2] !== "Z" ? match[2] : null;
    }
  }
  const latitude = coordinate(xmp.exif?.GPSLatitude);
  const longitude = coordinate(xmp.exif?.GPSLongitude);
  if (latitude !== null && longitude !== null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) Object.assign(facts, { latitude, longitude });
  return facts;
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === "object" && "value" in value) return text((value as { value: unknown }).value);
  return null;
}

/** XMP GPS: `47,30.5N` (degrees, decimal minutes), `47,30,30N`, or a plain number. */
function coordinate(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const match = typeof value === "string" ? /^(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?([NSEW])$/i.exec(value.trim()) : null;
  if (!match) return null;
  const magnitude = Number(match[1]) + Number(match[2] ?? 0) / 60 + Number(match[3] ?? 0) / 3600;
  return /[SW]/i.test(match[4]!) ? -magnitude : magnitude;
}
