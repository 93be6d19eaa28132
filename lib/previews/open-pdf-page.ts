import sharp from "sharp";
import type { DerivativeLookup } from "@/lib/assets/open-derivative";
import { storeDerivatives } from "@/lib/assets/store-derivatives";
import { AppError } from "@/lib/errors";
import { MissingToolError, renderPdfPage } from "@/lib/media/render-pdf-page";
import { PDF_LIMITS } from "@/lib/media/read-pdf";
import type { Db } from "@/lib/server/db";
import { locateOriginal } from "@/lib/libraries/locate-original";
import { resolveUnder, type LibraryPaths } from "@/lib/server/paths";
import { probeRegularFile } from "@/lib/server/stat-regular-file";

/** Pages rendered at once by this process (a fast scroll through a long PDF queues, not forks). */
const MAX_RENDERS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withRenderSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_RENDERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

const UNREADABLE = {
  offline: "The PDF lives in an external library that is offline right now; it is not lost.",
  unavailable: "The original cannot be read right now (a disk or mount problem).",
  absent: "The original file is missing from disk; restore it from a backup.",
} as const;

/**
 * Page `page` (1-based) of a PDF asset as a WebP image: rendered on the box the first time it is
 * asked for (lib/media/render-pdf-page.ts) and kept as the derivative `page-<n>`, served from
 * there afterwards. 404 for a page past the end or an asset that is not a PDF; "unavailable"
 * (with the reason) when the page cannot be rendered.
 */
export async function openPdfPage(db: Db, paths: LibraryPaths, id: string, page: number): Promise<DerivativeLookup> {
  const kind = `page-${page}`;
  const asset = await db.asset.findUnique({ where: { id }, select: { id: true, sha256: true, ext: true, mimeType: true, pageCount: true, derivatives: { where: { kind } } } });
  if (!asset) throw new AppError("not_found", "No such asset.");
  if (asset.mimeType !== "application/pdf") throw new AppError("not_found", "Only PDFs have pages to preview.");
  const limit = Math.min(asset.pageCount ?? PDF_LIMITS.pages, PDF_LIMITS.pages);
  if (page > limit) throw new AppError("not_found", `The document has ${limit} page${limit === 1 ? "" : "s"}.`);
  const cached = asset.derivatives[0];
  if (cached) {
    const file = resolveUnder(paths.derived, cached.relPath);
    const probe = await probeRegularFile(file, paths.derived);
    if (probe.state === "present") return { state: "ready", file: { path: file, size: probe.size, mime: cached.mime, etag: cached.etag, fileName: `${kind}.webp` } };
  }
  const located = await locateOriginal(db, paths, asset);
  if (located.state !== "present") return { state: "unavailable", reason: UNREADABLE[located.state] };
  const original = located.path;
  let png: Buffer;
  try {
    png = await withRenderSlot(() => renderPdfPage(original, page, paths));
  } catch (error) {
    if (error instanceof MissingToolError) return { state: "unavailable", reason: error.message };
    return { state: "unavailable", reason: `Page ${page} cannot be rendered: ${(error as Error).message}` };
  }
  const webp = await sharp(png).webp({ quality: 80, effort: 2 }).toBuffer({ resolveWithObject: true });
  await storeDerivatives(db, paths, asset, [{ kind, fileName: `${kind}.webp`, mime: "image/webp", data: webp.data, width: webp.info.width, height: webp.info.height }]);
  const row = await db.derivative.findUniqueOrThrow({ where: { assetId_kind: { assetId: id, kind } } });
  return { state: "ready", file: { path: resolveUnder(paths.derived, row.relPath), size: row.bytes, mime: row.mime, etag: row.etag, fileName: `${kind}.webp` } };
}
