import type { Config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { detectAnyFile, detectType, type DetectedType } from "@/lib/media/detect-type";
import { readHeaderSize } from "@/lib/media/image-source";
import { extractMetadata, type AssetMetadata } from "./extract-metadata";

export type DescribedBytes = { type: DetectedType; metadata: AssetMetadata };

/**
 * What new bytes are, before they become an asset (uploads and external libraries alike): the
 * type from the bytes (refused with an AppError when Albums does not take it), the pixel limit,
 * and the metadata with its capture time. Reads `file`, never writes it.
 */
export async function describeBytes(config: Config, file: { path: string; size: number }, input: { fileName: string; capturedAt?: Date | undefined; allowAnyFile?: boolean | undefined; allowEmpty?: boolean | undefined }): Promise<DescribedBytes> {
  if (file.size === 0 && !input.allowEmpty) throw new AppError("unsupported_type", "The file is empty.");
  const type = (file.size > 0 ? await detectType(file.path) : null) ?? (input.allowAnyFile || input.allowEmpty ? await detectAnyFile(file.path, input.fileName) : null);
  if (!type) throw new AppError("unsupported_type", "This is not a photo, video or document type Albums stores (checked from its bytes).");
  const header = type.kind === "photo" ? await readHeaderSize(file.path) : null;
  if (header && header.width * header.height > config.maxPixels) {
    throw new AppError("too_many_pixels", `The image is ${header.width}×${header.height}; the limit is ${Math.round(config.maxPixels / 1e6)} megapixels.`);
  }
  const metadata = await extractMetadata({
    path: file.path, type, fileName: input.fileName, clientTime: input.capturedAt, uploadTime: new Date(), header,
    ffprobe: config.ffprobe, boxTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  return { type, metadata };
}
