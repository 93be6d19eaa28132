import type { Asset, AssetEdit, Derivative } from "@/lib/generated/prisma/client";
import { mimeForExt } from "@/lib/media/detect-type";
import { imageTilesOf, type ImageTiles } from "./image-tiles";

/** The timeline item shape of `GET /api/assets`. */
export type AssetSummary = {
  id: string;
  kind: string;
  name: string;
  mimeType: string;
  capturedAt: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  thumbhash: string | null;
  decodeState: string;
  favorite: boolean;
  thumbnails: { sm: boolean; md: boolean };
  /**
   * Changes when the small thumbnail's bytes do (a turn re-renders it): put in its URL (`&v=`),
   * which the box then serves as immutable, so a grid never shows an unturned one from the
   * browser's cache. Null while there is none yet.
   */
  thumbnailVersion: string | null;
  /** The same for the md preview, which the viewer shows at once from the list it was opened from. */
  previewVersion: string | null;
  /** Its bytes are only in external libraries that are stale now (a NAS away): the tile shows "offline". */
  offline: boolean;
};

/** Everything `GET /api/assets/{id}` reports. */
export type AssetDetail = AssetSummary & {
  sha256: string;
  ext: string;
  size: number;
  originalName: string;
  names: { name: string; source: string; at: string }[];
  source: string;
  capture: { at: string; source: string; timeZone: string | null };
  location: { latitude: number; longitude: number; altitude: number | null } | null;
  camera: { make: string | null; model: string | null; lens: string | null; iso: number | null; exposureTime: number | null; fNumber: number | null; focalLength: number | null };
  orientation: number | null;
  video: { durationMs: number | null; codec: string | null } | null;
  document: { pageCount: number | null; textLength: number } | null;
  motionPhoto: { videoUrl: string } | null;
  /** What the viewer plays for a video, best first: the web-playable rendition when one exists, then the original. */
  playback: { url: string; type: string }[];
  decodeError: string | null;
  /** The original on disk as the scans last saw it: ok | missing | corrupt | unavailable, or `offline` while the external library holding it is stale. */
  fileState: string;
  /** Where the original lives when it is in an external library (path relative to its root), or null (in Albums' custody). */
  library: { id: string; path: string; available: boolean } | null;
  metadata: unknown;
  derived: { thumbnails: { sm: boolean; md: boolean }; motionVideo: boolean; documentText: boolean; jobs: { kind: string; status: string; attempts: number; lastError: string | null }[] };
  createdAt: string;
  archived: boolean;
  trashedAt: string | null;
  /** Drive folder of a document. */
  folder: string | null;
  description: string | null;
  caption: string | null;
  ocrText: string | null;
  /** The start of a document's extracted text, for a preview. */
  textExcerpt: string | null;
  place: { city: string | null; region: string | null; country: string | null } | null;
  faces: { id: string; personId: string | null; name: string | null; box: { x: number; y: number; width: number; height: number } }[];
  albums: { id: string; title: string }[];
  /** The owner's edits (lib/assets/edit-asset.ts): the turn, and the original's capture time and position where they were changed. */
  edits: { rotation: number; originalCapture: { at: string; timeZone: string | null } | null; originalLocation: { latitude: number | null; longitude: number | null } | null };
  /** The photo at full resolution (the original, or a rendition made on first request); null for other kinds. */
  fullUrl: string | null;
  /** Of a very large photo (over 40 MP): its deep-zoom tiles, which the viewer loads instead of `fullUrl`. */
  tiles: ImageTiles | null;
};

const EXCERPT_CHARS = 2000;

type WithDerivatives = Asset & { derivatives: (Pick<Derivative, "kind"> & { etag?: string })[] };
/** What a summary is made of (a Prisma row, or a row of loadAssetSummaries' SQL). */
export type SummarySource = Pick<Asset, "id" | "kind" | "originalName" | "mimeType" | "capturedAt" | "width" | "height" | "durationMs" | "thumbhash" | "decodeState" | "favorite"> & {
  derivatives: (Pick<Derivative, "kind"> & { etag?: string })[];
  /** the owner's edit (its turn), when the source loaded it */
  edit?: { rotation: number } | null;
  /** whether its bytes are only in stale libraries (offlineAssetIds / OFFLINE_SQL), when the source asked */
  offline?: boolean;
};

/**
 * A derivative's version for its URL (which the box then serves immutable): the start of its
 * bytes' hash (the thumbnail route checks the bytes it sends against it) and the turn the page
 * expects. The turn keeps apart the URLs of a re-render in flight: until a turn's thumbnails are
 * made the row still names the old bytes, so without it a turn and its revert would share a URL.
 * Null when the source did not load the etag (an unversioned URL is revalidated on each use).
 */
function versionOf(asset: SummarySource, kind: string): string | null {
  const etag = asset.derivatives.find((d) => d.kind === kind)?.etag;
  return etag ? `${etag.replaceAll('"', "").slice(0, 12)}.${asset.edit?.rotation ?? 0}` : null;
}

function thumbnailsOf(asset: SummarySource) {
  return { sm: asset.derivatives.some((d) => d.kind === "thumb-sm"), md: asset.derivatives.some((d) => d.kind === "thumb-md") };
}

export function toAssetSummary(asset: SummarySource): AssetSummary {
  return {
    id: asset.id,
    kind: asset.kind,
    name: asset.originalName,
    mimeType: asset.mimeType,
    capturedAt: asset.capturedAt.toISOString(),
    width: asset.width,
    height: asset.height,
    durationMs: asset.durationMs,
    thumbhash: asset.thumbhash,
    decodeState: asset.decodeState,
    favorite: asset.favorite,
    thumbnails: thumbnailsOf(asset),
    thumbnailVersion: versionOf(asset, "thumb-sm"),
    previewVersion: versionOf(asset, "thumb-md"),
    offline: asset.offline ?? false,
  };
}

export function toAssetDetail(
  asset: WithDerivatives & {
    names: { name: string; source: string; createdAt: Date }[];
    jobs: { kind: string; status: string; attempts: number; lastError: string | null }[];
    document: { text: string } | null;
    caption: { text: string } | null;
    ocr: { text: string } | null;
    place: { city: string | null; region: string | null; country: string | null } | null;
    faces: { id: string; personId: string | null; x: number; y: number; width: number; height: number; person: { name: string | null } | null }[];
    albums: { album: { id: string; title: string } }[];
    /** the separate video of a Live Photo (iCloud's HEIC + MOV), when this is its still */
    liveVideo?: { videoId: string } | null;
    edit?: AssetEdit | null;
  },
  /** its external-library location (libraryLocation) and whether Albums also keeps a copy (then never offline) */
  where: { library: AssetDetail["library"]; inCustody: boolean } = { library: null, inCustody: true },
): AssetDetail {
  const motion = asset.derivatives.some((d) => d.kind === "motion-video");
  const live = asset.liveVideo ? `/api/assets/${asset.liveVideo.videoId}/original` : null;
  const rendition = asset.derivatives.some((d) => d.kind === "rendition");
  const renditionUrl = `/api/assets/${asset.id}/video?variant=rendition`;
  const fileState = where.library && !where.library.available && !where.inCustody && asset.fileState === "ok" ? "offline" : asset.fileState;
  return {
    ...toAssetSummary({ ...asset, offline: fileState === "offline" }),
    sha256: asset.sha256,
    ext: asset.ext,
    size: Number(asset.size),
    originalName: asset.originalName,
    names: asset.names.map((n) => ({ name: n.name, source: n.source, at: n.createdAt.toISOString() })),
    source: asset.source,
    capture: { at: asset.capturedAt.toISOString(), source: asset.capturedAtSource, timeZone: asset.timeZone },
    location: asset.latitude !== null && asset.longitude !== null ? { latitude: asset.latitude, longitude: asset.longitude, altitude: asset.altitude } : null,
    camera: { make: asset.make, model: asset.model, lens: asset.lens, iso: asset.iso, exposureTime: asset.exposureTime, fNumber: asset.fNumber, focalLength: asset.focalLength },
    orientation: asset.orientation,
    video: asset.kind === "video" ? { durationMs: asset.durationMs, codec: asset.videoCodec } : null,
    document: asset.kind === "document" ? { pageCount: asset.pageCount, textLength: asset.document?.text.length ?? 0 } : null,
    motionPhoto: motion ? { videoUrl: rendition ? renditionUrl : `/api/assets/${asset.id}/motion` } : live ? { videoUrl: live } : null,
    playback: asset.kind === "video" ? [...(rendition ? [{ url: renditionUrl, type: "video/mp4" }] : []), { url: `/api/assets/${asset.id}/original`, type: mimeForExt(asset.ext) }] : [],
    decodeError: asset.decodeError,
    fileState,
    library: where.library,
    metadata: asset.metadataJson ? JSON.parse(asset.metadataJson) : null,
    derived: { thumbnails: thumbnailsOf(asset), motionVideo: motion, documentText: asset.document !== null, jobs: asset.jobs },
    createdAt: asset.createdAt.toISOString(),
    archived: asset.archived,
    folder: asset.folder,
    trashedAt: asset.trashedAt?.toISOString() ?? null,
    description: asset.description,
    caption: asset.caption?.text ?? null,
    ocrText: asset.ocr?.text ?? null,
    textExcerpt: asset.document ? asset.document.text.slice(0, EXCERPT_CHARS) : null,
    place: asset.place ? { city: asset.place.city, region: asset.place.region, country: asset.place.country } : null,
    faces: asset.faces.map((f) => ({ id: f.id, personId: f.personId, name: f.person?.name ?? null, box: { x: f.x, y: f.y, width: f.width, height: f.height } })),
    albums: asset.albums.map((a) => a.album),
    edits: editsOf(asset.edit ?? null),
    // Only an edited photo's preview can change (a turn): others keep the one URL every screen uses.
    fullUrl: asset.kind === "photo" ? `/api/assets/${asset.id}/full?r=${asset.edit?.rotation ?? 0}` : null,
    tiles: imageTilesOf(asset, asset.edit?.rotation ?? 0),
  };
}

function editsOf(edit: AssetEdit | null): AssetDetail["edits"] {
  return {
    rotation: edit?.rotation ?? 0,
    originalCapture: edit?.capturedAt && edit.wasCapturedAt ? { at: edit.wasCapturedAt.toISOString(), timeZone: edit.wasTimeZone } : null,
    originalLocation: edit && edit.latitude !== null ? { latitude: edit.wasLatitude, longitude: edit.wasLongitude } : null,
  };
}
