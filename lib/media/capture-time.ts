import tzlookup from "@photostructure/tz-lookup";

/** Which evidence a capture time was taken from, best first. */
export type CaptureTimeSource =
  | "exif" // EXIF DateTimeOriginal + OffsetTimeOriginal
  | "exif-gps-timezone" // EXIF local time in the time zone of the photo's GPS position
  | "container" // video container creation time (UTC by spec)
  | "client" // capturedAt declared by the uploader (phone lastModified, Takeout photoTakenTime…)
  | "exif-local" // EXIF local time with no zone evidence, read in the box's time zone
  | "filename" // a date pattern in the file name, read in the box's time zone
  | "upload"; // nothing better: when it arrived

export type CaptureEvidence = {
  exifDateTime?: string | undefined; // "YYYY:MM:DD HH:MM:SS" as written by the camera
  exifSubSec?: string | undefined;
  exifOffset?: string | undefined; // "+03:00"
  gps?: { latitude: number; longitude: number } | undefined;
  containerTime?: Date | undefined;
  clientTime?: Date | undefined;
  fileName?: string | undefined;
  uploadTime: Date;
  boxTimeZone: string;
};

export type CaptureTime = { capturedAt: Date; source: CaptureTimeSource; timeZone: string | null };

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number };

const EXIF_DATE = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** Resolves the capture instant (UTC) by the documented precedence and says which source won. */
export function resolveCaptureTime(evidence: CaptureEvidence): CaptureTime {
  const wall = evidence.exifDateTime ? parseExifWall(evidence.exifDateTime, evidence.exifSubSec) : null;
  if (wall && evidence.exifOffset) {
    const offsetMinutes = parseOffset(evidence.exifOffset);
    if (offsetMinutes !== null) {
      return { capturedAt: new Date(wallToEpoch(wall) - offsetMinutes * 60_000), source: "exif", timeZone: formatOffset(offsetMinutes) };
    }
  }
  if (wall && evidence.gps) {
    const zone = zoneAt(evidence.gps.latitude, evidence.gps.longitude);
    if (zone) return { capturedAt: wallInZone(wall, zone), source: "exif-gps-timezone", timeZone: zone };
  }
  if (evidence.containerTime && isPlausible(evidence.containerTime)) {
    return { capturedAt: evidence.containerTime, source: "container", timeZone: null };
  }
  if (evidence.clientTime && isPlausible(evidence.clientTime)) {
    return { capturedAt: evidence.clientTime, source: "client", timeZone: null };
  }
  if (wall) return { capturedAt: wallInZone(wall, evidence.boxTimeZone), source: "exif-local", timeZone: evidence.boxTimeZone };
  const named = evidence.fileName ? parseFileNameDate(evidence.fileName) : null;
  if (named) return { capturedAt: wallInZone(named, evidence.boxTimeZone), source: "filename", timeZone: evidence.boxTimeZone };
  return { capturedAt: evidence.uploadTime, source: "upload", timeZone: null };
}

function parseExifWall(value: string, subSec?: string): Wall | null {
  const m = EXIF_DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = m[7] ?? subSec?.trim() ?? "";
  const ms = /^\d+$/.test(fraction) ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  const wall = { year, month, day, hour, minute, second, ms };
  return isValidWall(wall) ? wall : null;
}

function isValidWall(w: Wall): boolean {
  if (w.year < 1826 || w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 60) return false;
  const probe = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return probe.getUTCDate() === w.day && isPlausible(new Date(wallToEpoch(w)));
}

function isPlausible(date: Date): boolean {
  const t = date.getTime();
  return Number.isFinite(t) && t > Date.UTC(1826, 0, 1) && t < Date.now() + 2 * 86_400_000;
}

function parseOffset(value: string): number | null {
  const m = OFFSET.exec(value.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return minutes > 14 * 60 ? null : (m[1] === "-" ? -1 : 1) * minutes;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function wallToEpoch(w: Wall): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
}

function zoneAt(latitude: number, longitude: number): string | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  if (latitude === 0 && longitude === 0) return null;
  try {
    return tzlookup(latitude, longitude);
  } catch {
    return null;
  }
}

/** Offset (ms) of `zone` from UTC at instant `epoch`. */
function zoneOffset(epoch: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(epoch));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/** The UTC instant at which clocks in `zone` showed wall time `w`. */
export function wallInZone(w: Wall, zone: string): Date {
  const naive = wallToEpoch(w);
  const first = naive - zoneOffset(naive, zone);
  const second = naive - zoneOffset(first, zone);
  return new Date(second);
}

// Phone and messenger naming schemes: IMG_20240726_153012, PXL_20240726_153012345, 20240726_153012,
// Screenshot_20240726-153012, signal-2024-07-26-153012, "2024-07-26 15.30.12", IMG-20240726-WA0001.
const FILE_NAME_PATTERNS: RegExp[] = [
  /(?:^|[^\d])((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})[ _T-](\d{2})[-_.:]?(\d{2})[-_.:]?(\d{2})(?:\d{1,3})?(?!\d)/,
  /(?:^|[^\d])((?:19|20)\d{2})-?(\d{2})-?(\d{2})-WA\d+/,
];

/** A wall-clock date read from a camera/phone file name, if it follows a known pattern. */
export function parseFileNameDate(fileName: string): Wall | null {
  for (const pattern of FILE_NAME_PATTERNS) {
    const m = pattern.exec(fileName);
    if (!m) continue;
    const [year, month, day] = m.slice(1, 4).map(Number) as [number, number, number];
    const [hour, minute, second] = m[4] ? (m.slice(4, 7).map(Number) as [number, number, number]) : [0, 0, 0];
    const wall = { year, month, day, hour, minute, second, ms: 0 };
    if (isValidWall(wall)) return wall;
  }
  return null;
}
