/** A photo's small thumbnail, versioned (`&v=`) so the box can serve it immutable and a turn never shows a stale one from the cache. */
export function smallThumbnailUrl(asset: { id: string; thumbnailVersion: string | null }): string {
  return `/api/assets/${asset.id}/thumbnail?size=sm${asset.thumbnailVersion ? `&v=${asset.thumbnailVersion}` : ""}`;
}
