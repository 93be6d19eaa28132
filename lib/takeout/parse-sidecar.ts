/** What Albums uses from a Google Photos JSON sidecar. */
export type TakeoutSidecar = {
  title?: string;
  description?: string;
  takenAt?: Date;
  uploadedAt?: Date;
  gps?: { latitude: number; longitude: number; altitude: number | null; source: "geoDataExif" | "geoData" };
  favorite: boolean;
  archived: boolean;
  trashed: boolean;
  people: string[];
  origin?: string;
};

/** Album metadata (`metadata.json`, `métadonnées.json`, … or title-only). */
export type TakeoutAlbumMeta = { title: string; description?: string; date?: Date };

type Json = Record<string, unknown>;

const SIDECAR_KEYS = ["photoTakenTime", "creationTime", "imageViews", "geoData", "geoDataExif", "url", "googlePhotosOrigin", "photoLastModifiedTime"];

function epoch(value: unknown): Date | undefined {
  const seconds = Number((value as { timestamp?: unknown } | undefined)?.timestamp);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}

function location(value: unknown): { latitude: number; longitude: number; altitude: number | null } | undefined {
  const v = value as { latitude?: unknown; longitude?: unknown; altitude?: unknown } | undefined;
  const latitude = Number(v?.latitude);
  const longitude = Number(v?.longitude);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || (latitude === 0 && longitude === 0)) return undefined;
  const altitude = Number(v?.altitude);
  return { latitude, longitude, altitude: Number.isFinite(altitude) && altitude !== 0 ? altitude : null };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : undefined;
}

/** Classifies a parsed JSON of the Photos area: a media sidecar, album metadata, or neither. */
export function readTakeoutJson(json: unknown): { kind: "sidecar"; sidecar: TakeoutSidecar } | { kind: "album"; album: TakeoutAlbumMeta } | { kind: "other" } {
  if (!json || typeof json !== "object" || Array.isArray(json)) return { kind: "other" };
  const j = json as Json;
  if (SIDECAR_KEYS.some((key) => key in j)) {
    const exif = location(j.geoDataExif);
    const edited = location(j.geoData);
    const gps = exif ? { ...exif, source: "geoDataExif" as const } : edited ? { ...edited, source: "geoData" as const } : undefined;
    const people = Array.isArray(j.people) ? (j.people as { name?: unknown }[]).map((p) => text(p?.name)).filter((n): n is string => !!n) : [];
    const origin = text((j.googlePhotosOrigin as { mobileUpload?: { deviceFolder?: { localFolderName?: unknown } } } | undefined)?.mobileUpload?.deviceFolder?.localFolderName);
    return {
      kind: "sidecar",
      sidecar: {
        ...(text(j.title) ? { title: text(j.title) } : {}),
        ...(text(j.description) ? { description: text(j.description) } : {}),
        ...(epoch(j.photoTakenTime) ? { takenAt: epoch(j.photoTakenTime) } : {}),
        ...(epoch(j.creationTime) ? { uploadedAt: epoch(j.creationTime) } : {}),
        ...(gps ? { gps } : {}),
        favorite: j.favorited === true,
        archived: j.archived === true,
        trashed: j.trashed === true,
        people,
        ...(origin ? { origin } : {}),
      },
    };
  }
  if (typeof j.title === "string") {
    const date = epoch(j.date);
    return { kind: "album", album: { title: j.title.trim(), ...(text(j.description) ? { description: text(j.description) } : {}), ...(date ? { date } : {}) } };
  }
  return { kind: "other" };
}
