import { albumKey, entryKey, type Catalogue, type CatalogueEntry } from "./catalogue-parts";
import { classifyEntry } from "./classify-entry";
import type { ImportPlan, ImportSource } from "./import-source";
import { matchSidecars } from "./match-sidecars";
import { readTakeoutJson, type TakeoutAlbumMeta, type TakeoutSidecar } from "./parse-sidecar";

const YEAR_FOLDER = /(^|\s)(19|20)\d{2}$/;

/** Album folders are those with album metadata, or any folder that is not a "Photos from YYYY" year folder. */
function isAlbumFolder(albums: Map<string, TakeoutAlbumMeta>, dir: string): boolean {
  if (!dir) return false;
  return albums.has(albumKey(dir)) || !YEAR_FOLDER.test(dir.split("/").at(-1)!);
}

function reasonFor(entry: CatalogueEntry): string {
  switch (entry.kind) {
    case "sidecar":
      return "metadata sidecar (merged into its photo)";
    case "album-meta":
      return "album metadata (used to re-create the album)";
    case "directory":
      return "folder";
    default:
      return entry.place.area === "other" ? entry.place.reason : "not a media file (JSON without photo metadata)";
  }
}

/**
 * Google Takeout (Photos and Drive): JSON sidecars paired with their photos by matchSidecars,
 * albums by folder (keyed by the folder's name, so a later Takeout finds them again), edited
 * copies linked to their originals.
 */
export const takeoutSource: ImportSource = {
  name: "takeout",
  trashedReason: "in the Google Photos trash (import with --include-trashed to keep it in the Albums trash)",
  reasonFor,
  reader: () => {
    const sidecars = new Map<string, TakeoutSidecar>();
    const albums = new Map<string, TakeoutAlbumMeta>();
    return {
      classify: classifyEntry,
      isMetadata: (place) => place.area === "photos" && place.json,
      nestedArchive: () => null,
      read: (key, place, text) => {
        let json: unknown = null;
        try {
          json = JSON.parse(text) as unknown;
        } catch {
          return "other";
        }
        const parsed = readTakeoutJson(json);
        if (parsed.kind === "sidecar") sidecars.set(key, parsed.sidecar);
        else if (parsed.kind === "album" && place.area === "photos") albums.set(albumKey(place.dir), parsed.album);
        return parsed.kind === "sidecar" ? "sidecar" : parsed.kind === "album" ? "album-meta" : "other";
      },
      plan: (catalogue: Catalogue): ImportPlan => {
        const photo = (e: CatalogueEntry) => (e.place.area === "photos" ? { key: entryKey(e.part, e.path), dir: e.place.dir, name: e.place.name } : null);
        const media = catalogue.entries.filter((e) => e.kind === "media" && e.place.area === "photos");
        const jsons = catalogue.entries.filter((e) => e.kind === "sidecar");
        const matched = matchSidecars(media.map((e) => photo(e)!), jsons.map((e) => ({ ...photo(e)!, title: sidecars.get(entryKey(e.part, e.path))?.title })));
        const planAlbums = new Map<string, TakeoutAlbumMeta>();
        const planned = new Map(
          media.map((e) => {
            const key = entryKey(e.part, e.path);
            const dir = e.place.area === "photos" ? e.place.dir : "";
            const album = isAlbumFolder(albums, dir) ? albumKey(dir) : null;
            if (album && !planAlbums.has(album)) planAlbums.set(album, albums.get(album) ?? { title: dir.split("/").at(-1)! });
            const from = matched.matches.get(key)?.sidecar;
            return [key, { metadata: from ? sidecars.get(from) : undefined, metadataFrom: from, albums: album ? [album] : [] }];
          }),
        );
        return { media: planned, albums: planAlbums, editedFrom: matched.editedFrom, livePairs: new Map(), unmatched: matched.unmatched };
      },
    };
  },
};
