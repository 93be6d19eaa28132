import { z } from "zod";

export const ALBUM_SORTS = ["newest", "oldest", "added"] as const;
export type AlbumSort = (typeof ALBUM_SORTS)[number];

/** One album as the albums list shows it. */
export type AlbumSummary = {
  id: string;
  title: string;
  description: string | null;
  sort: AlbumSort;
  source: string;
  count: number;
  /** The chosen cover, or the newest photo when none was chosen (or it left the album). */
  coverAssetId: string | null;
  /** Capture-time span of its photos. */
  from: string | null;
  to: string | null;
  updatedAt: string;
};

export const albumTitle = z.string().trim().min(1, "an album needs a title").max(200);
export const albumDescription = z.string().trim().max(5000).nullable();
export const assetIds = z.array(z.string().min(1).max(100)).min(1).max(5000);
