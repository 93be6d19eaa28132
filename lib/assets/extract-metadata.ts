import { resolveCaptureTime } from "@/lib/media/capture-time";
import type { DetectedType } from "@/lib/media/detect-type";
import { probeVideo, type VideoMetadata } from "@/lib/media/probe-video";
import { readPhotoMetadata } from "@/lib/media/read-photo-metadata";

export type AssetMetadata = {
  capturedAt: Date;
  capturedAtSource: string;
  timeZone: string | null;
  width: number | null;
  height: number | null;
  orientation: number | null;
  latitude: number | null;
  longitude: number | null;
  altitude: number | null;
  make: string | null;
  model: string | null;
  lens: string | null;
  iso: number | null;
  exposureTime: number | null;
  fNumber: number | null;
  focalLength: number | null;
  durationMs: number | null;
  videoCodec: string | null;
  metadataJson: string | null;
};

export type MetadataInput = {
  path: string;
  type: DetectedType;
  fileName: string;
  clientTime?: Date | undefined;
  uploadTime: Date;
  header: { width: number; height: number } | null;
  ffprobe: string;
  boxTimeZone: string;
};

/** Reads what an original says about itself (EXIF/XMP, or ffprobe for video) and resolves its capture time. */
export async function extractMetadata(input: MetadataInput): Promise<AssetMetadata> {
  const evidence = { fileName: input.fileName, clientTime: input.clientTime, uploadTime: input.uploadTime, boxTimeZone: input.boxTimeZone };
  if (input.type.kind === "video") {
    const video: VideoMetadata | null = await probeVideo(input.path, input.ffprobe).catch(() => null);
    const capture = resolveCaptureTime({ ...evidence, containerTime: video?.creationTime });
    return {
      ...empty(),
      ...capture,
      capturedAtSource: capture.source,
      width: video?.width ?? null,
      height: video?.height ?? null,
      latitude: video?.latitude ?? null,
      longitude: video?.longitude ?? null,
      make: video?.make ?? null,
      model: video?.model ?? null,
      durationMs: video?.durationMs ?? null,
      videoCodec: video?.codec ?? null,
      metadataJson: video ? JSON.stringify(video.raw) : null,
    };
  }
  if (input.type.kind === "document" || input.type.kind === "file") {
    const capture = resolveCaptureTime(evidence);
    return { ...empty(), ...capture, capturedAtSource: capture.source };
  }
  const photo = await readPhotoMetadata(input.path);
  const gps = photo.latitude !== undefined && photo.longitude !== undefined ? { latitude: photo.latitude, longitude: photo.longitude } : undefined;
  const capture = resolveCaptureTime({ ...evidence, exifDateTime: photo.exifDateTime, exifSubSec: photo.exifSubSec, exifOffset: photo.exifOffset, gps });
  // HEIF decoders apply the container's rotation already; JPEG/TIFF orientations 5–8 swap the axes.
  const heif = input.type.mime.startsWith("image/hei");
  const swap = !heif && (photo.orientation ?? 1) >= 5;
  return {
    capturedAt: capture.capturedAt,
    capturedAtSource: capture.source,
    timeZone: capture.timeZone,
    width: input.header ? (swap ? input.header.height : input.header.width) : null,
    height: input.header ? (swap ? input.header.width : input.header.height) : null,
    orientation: photo.orientation ?? null,
    latitude: gps?.latitude ?? null,
    longitude: gps?.longitude ?? null,
    altitude: photo.altitude ?? null,
    make: photo.make ?? null,
    model: photo.model ?? null,
    lens: photo.lens ?? null,
    iso: photo.iso !== undefined ? Math.round(photo.iso) : null,
    exposureTime: photo.exposureTime ?? null,
    fNumber: photo.fNumber ?? null,
    focalLength: photo.focalLength ?? null,
    durationMs: null,
    videoCodec: null,
    metadataJson: JSON.stringify(photo.raw),
  };
}

function empty(): Omit<AssetMetadata, "capturedAt" | "capturedAtSource" | "timeZone"> {
  return {
    width: null, height: null, orientation: null, latitude: null, longitude: null, altitude: null, make: null, model: null,
    lens: null, iso: null, exposureTime: null, fNumber: null, focalLength: null, durationMs: null, videoCodec: null, metadataJson: null,
  };
}
