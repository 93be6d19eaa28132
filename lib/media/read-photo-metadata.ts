import { readSegmentsInThread } from "./metadata-threads";
import type { Segments } from "./read-metadata-segments";

/** What Albums keeps from a photo's EXIF/XMP (all optional: many files carry little or nothing). */
export type PhotoMetadata = {
  exifDateTime?: string;
  exifSubSec?: string;
  exifOffset?: string;
  latitude?: number;
  longitude?: number;
  altitude?: number;
  make?: string;
  model?: string;
  lens?: string;
  iso?: number;
  exposureTime?: number;
  fNumber?: number;
  focalLength?: number;
  orientation?: number;
  xmp?: Record<string, unknown>;
  /** Every segment exifr read (ifd0, exif, gps, xmp namespaces, iptc), JSON-safe. */
  raw: Record<string, unknown>;
};

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads EXIF, GPS, XMP and IPTC without decoding pixels, in a metadata thread under time, heap
 * and XMP size/depth limits (readSegmentsInThread). Broken, missing or oversized metadata yields
 * `{ raw: {} }` or less, never an error: a photo with bad EXIF is still a photo.
 */
export async function readPhotoMetadata(filePath: string): Promise<PhotoMetadata> {
  const segments = await readSegmentsInThread(filePath);
  if (!segments) return { raw: {} };
  const pick = (key: string): unknown => {
    for (const segment of ["exif", "ifd0", "gps", "exifEX", "aux", "xmp", "tiff"]) {
      const value = segments[segment]?.[key];
      if (value !== undefined && value !== null && value !== "") return value;
    }
    return undefined;
  };
  const str = (key: string) => cleanString(pick(key));
  const num = (key: string) => finiteNumber(pick(key));
  const gps = segments.gps;
  const latitude = finiteNumber(gps?.latitude);
  const longitude = finiteNumber(gps?.longitude);
  const altitudeRaw = finiteNumber(gps?.GPSAltitude);
  const xmpDate = parseXmpDate(segments);
  const exifDateTime = str("DateTimeOriginal") ?? str("CreateDate") ?? xmpDate?.dateTime;
  const meta: PhotoMetadata = {
    raw: segments,
    ...defined({
      exifDateTime,
      exifSubSec: str("SubSecTimeOriginal") ?? str("SubSecTimeDigitized"),
      exifOffset: str("OffsetTimeOriginal") ?? str("OffsetTimeDigitized") ?? (exifDateTime === xmpDate?.dateTime ? xmpDate?.offset : undefined),
      latitude: latitude !== undefined && longitude !== undefined && !(latitude === 0 && longitude === 0) ? latitude : undefined,
      longitude: latitude !== undefined && longitude !== undefined && !(latitude === 0 && longitude === 0) ? longitude : undefined,
      altitude: altitudeRaw === undefined ? undefined : gps?.GPSAltitudeRef === 1 ? -altitudeRaw : altitudeRaw,
      make: str("Make"),
      model: str("Model"),
      lens: str("LensModel") ?? str("Lens"),
      iso: num("ISO") ?? num("ISOSpeedRatings"),
      exposureTime: num("ExposureTime"),
      fNumber: num("FNumber"),
      focalLength: num("FocalLength"),
      orientation: validOrientation(num("Orientation")),
    }),
  };
  return meta;
}

function parseXmpDate(segments: Segments): { dateTime: string; offset?: string } | undefined {
  for (const [segment, key] of [["exif", "DateTimeOriginal"], ["photoshop", "DateCreated"], ["xmp", "CreateDate"], ["xap", "CreateDate"]] as const) {
    const value = cleanString(segments[segment]?.[key]);
    const m = value ? ISO_WITH_OFFSET.exec(value) : null;
    if (!m) continue;
    const dateTime = `${m[1]}:${m[2]}:${m[3]} ${m[4]}:${m[5]}:${m[6]}${m[7] ? `.${m[7]}` : ""}`;
    const zone = m[8]!;
    return { dateTime, offset: zone === "Z" ? "+00:00" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}` };
  }
  return undefined;
}

function cleanString(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
   
  const cleaned = value.replace(/\u0000/g, "").trim();
  return cleaned.length > 0 && cleaned.length < 512 ? cleaned : undefined;
}

function finiteNumber(value: unknown): number | undefined {
  const n = Array.isArray(value) ? value[0] : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

function validOrientation(value: number | undefined): number | undefined {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 8 ? value : undefined;
}

function defined<T extends Record<string, unknown>>(record: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as never;
}
