import fs from "node:fs/promises";
import type { Asset } from "@/lib/generated/prisma/client";
import { isRawMime } from "@/lib/media/detect-type";
import { openImage } from "@/lib/media/image-source";
import { resolveUnder } from "@/lib/server/paths";
import type { JobContext } from "@/lib/queue/handler";

/** Long side of the image OCR reads: small print stays legible, memory stays bounded. */
const OCR_SIDE = 2560;

/**
 * The upright picture an ML model looks at: the md thumbnail (1440 px WebP, a video's poster)
 * for faces, CLIP and captions — already decoded once, HEIC and RAW included — or, for OCR, the
 * original at up to 2560 px. A missing thumbnail is worth a retry (its job re-creates it).
 */
export async function readAnalysisImage(ctx: JobContext, { asset, file }: { asset: Asset; file: string }, purpose: "thumbnail" | "full"): Promise<Buffer> {
  if (purpose === "full" && asset.kind === "photo") {
    const image = await openImage({ path: file, mime: asset.mimeType, raw: isRawMime(asset.mimeType), orientation: asset.orientation }, ctx.config.maxPixels);
    return image.resize(OCR_SIDE, OCR_SIDE, { fit: "inside", withoutEnlargement: true }).jpeg({ quality: 92 }).toBuffer();
  }
  const thumbnail = await ctx.db.derivative.findUnique({ where: { assetId_kind: { assetId: asset.id, kind: "thumb-md" } } });
  if (!thumbnail) throw new Error(`no thumbnail yet for ${asset.id}`);
  return fs.readFile(resolveUnder(ctx.paths.derived, thumbnail.relPath));
}
