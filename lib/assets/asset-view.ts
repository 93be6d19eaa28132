import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which shelf of the library a listing shows: the timeline is photos and videos, not archived, not
 * trashed; documents are PDFs, office and other files, less the previous contents of Files
 * entries (a version is reached from its file, not listed beside it).
 */
export const assetViewName = z.enum(["timeline", "favorites", "archive", "trash", "documents"]);
export const assetView = assetViewName.default("timeline");
export type AssetView = z.infer<typeof assetViewName>;

/** The Prisma condition of a view. */
export function viewWhere(view: AssetView): Prisma.AssetWhereInput {
  if (view === "trash") return { trashedAt: { not: null } };
  if (view === "archive") return { archived: true, trashedAt: null };
  if (view === "favorites") return { favorite: true, trashedAt: null };
  if (view === "documents") return { trashedAt: null, kind: { in: ["document", "file"] }, NOT: { fileVersions: { some: {} }, fileEntries: { none: { trashedAt: null } } } };
  return { archived: false, trashedAt: null, kind: { in: ["photo", "video"] } };
}

/** The same condition as SQL on `Asset a` (for raw aggregate queries). */
export function viewSql(view: AssetView): string {
  if (view === "trash") return `a."trashedAt" IS NOT NULL`;
  if (view === "archive") return `a."archived" = 1 AND a."trashedAt" IS NULL`;
  if (view === "favorites") return `a."favorite" = 1 AND a."trashedAt" IS NULL`;
  if (view === "documents") {
    return `a."trashedAt" IS NULL AND a."kind" IN ('document', 'file') AND NOT (EXISTS (SELECT 1 FROM "FileVersion" v WHERE v."assetId" = a."id")
      AND NOT EXISTS (SELECT 1 FROM "FileEntry" e WHERE e."assetId" = a."id" AND e."trashedAt" IS NULL))`;
  }
  return `a."archived" = 0 AND a."trashedAt" IS NULL AND a."kind" IN ('photo', 'video')`;
}
