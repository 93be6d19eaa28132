import { entryKey, type Catalogue, type CatalogueEntry } from "@/lib/takeout/catalogue-parts";
import type { ImportPlan, ImportSource, PlannedMedia } from "@/lib/takeout/import-source";
import { normalizeName } from "@/lib/takeout/match-sidecars";
import type { TakeoutAlbumMeta, TakeoutSidecar } from "@/lib/takeout/parse-sidecar";
import { classifyIcloudEntry } from "./classify-icloud-entry";
import { parseAlbumCsv, parsePhotoDetails, type PhotoDetails } from "./parse-icloud-csv";

const STILL = /\.(heic|heif|jpe?g|png)$/i;
const LIVE_VIDEO = /\.(mov|mp4)$/i;
const DETAILS = /^photo details.*\.csv$/i;

function reasonFor(entry: CatalogueEntry): string {
  switch (entry.kind) {
    case "sidecar":
      return "iCloud Photo Details (merged into its photos)";
    case "album-meta":
      return "iCloud album list (used to re-create the album)";
    case "directory":
      return "folder";
    default:
      return entry.place.area === "other" ? entry.place.reason : "not a media file (a CSV without photo details)";
  }
}

function toMetadata(row: PhotoDetails | undefined, recentlyDeleted: boolean): TakeoutSidecar | undefined {
  if (!row && !recentlyDeleted) return undefined;
  return { ...(row?.originalCreationDate ? { takenAt: row.originalCreationDate } : {}), favorite: row?.favorite ?? false, archived: row?.hidden ?? false, trashed: (row?.deleted ?? false) || recentlyDeleted, people: [] };
}

const stem = (name: string) => normalizeName(name).replace(/\.[^.]*$/, "");

/**
 * Apple's "copy of your data" export of iCloud Photos (see docs/ICLOUD.md): media under `Photos/`,
 * their details in each part's own `Photo Details*.csv` (a name is looked up in its own part
 * first: two parts can hold different photos of the same name), albums from `Albums/<title>.csv`
 * (keyed by title), hidden → archived, Recently Deleted → the trash (left out unless asked), and a
 * still with a video of the same name in the same folder linked as a Live Photo.
 */
export const icloudSource: ImportSource = {
  name: "icloud",
  trashedReason: "in iCloud's Recently Deleted (import with --include-trashed to keep it in the Albums trash)",
  reasonFor,
  reader: () => {
    const details = new Map<string, Map<string, { row: PhotoDetails; from: string }>>();
    const albums = new Map<string, { meta: TakeoutAlbumMeta; names: Set<string> }>();
    return {
      classify: classifyIcloudEntry,
      isMetadata: (place) => place.area === "photos" && (place.dir === "Albums" || (place.dir === "Photos" && DETAILS.test(place.name))),
      nestedArchive: () => null,
      read: (key, place, text) => {
        if (place.area !== "photos") return "other";
        if (place.dir === "Albums") {
          const title = place.name.replace(/\.csv$/i, "").normalize("NFC");
          const album = albums.get(normalizeName(title)) ?? { meta: { title }, names: new Set<string>() };
          for (const name of parseAlbumCsv(text)) album.names.add(normalizeName(name));
          albums.set(normalizeName(title), album);
          return "album-meta";
        }
        const part = key.slice(0, key.indexOf("\u0000"));
        const rows = details.get(part) ?? new Map<string, { row: PhotoDetails; from: string }>();
        for (const row of parsePhotoDetails(text)) rows.set(normalizeName(row.imgName), { row, from: key });
        details.set(part, rows);
        return "sidecar";
      },
      plan: (catalogue: Catalogue): ImportPlan => {
        const media = catalogue.entries.filter((e) => e.kind === "media" && e.place.area === "photos");
        const lookup = (part: string, name: string) => {
          const own = details.get(part)?.get(name);
          if (own) return own;
          const elsewhere = [...details.values()].map((rows) => rows.get(name)).filter((r) => r !== undefined);
          return elsewhere.length === 1 ? elsewhere[0] : undefined; // ambiguous across parts: none
        };
        const planned = new Map<string, PlannedMedia>();
        const unmatched: string[] = [];
        for (const e of media) {
          const place = e.place as Extract<CatalogueEntry["place"], { area: "photos" }>;
          const name = normalizeName(place.name);
          const found = lookup(e.part, name);
          const key = entryKey(e.part, e.path);
          if (!found) unmatched.push(key);
          planned.set(key, { metadata: toMetadata(found?.row, place.dir === "Recently Deleted"), metadataFrom: found?.from, albums: [...albums].filter(([, a]) => a.names.has(name)).map(([albumKey]) => albumKey) });
        }
        const livePairs = new Map<string, string>();
        const groups = new Map<string, CatalogueEntry[]>();
        for (const e of media) {
          const place = e.place as Extract<CatalogueEntry["place"], { area: "photos" }>;
          const group = `${e.part}\u0000${place.dir}\u0000${stem(place.name)}`;
          groups.set(group, [...(groups.get(group) ?? []), e]);
        }
        for (const group of groups.values()) {
          const stills = group.filter((e) => STILL.test(e.path));
          const videos = group.filter((e) => LIVE_VIDEO.test(e.path));
          if (stills.length !== 1 || videos.length !== 1) continue;
          const still = entryKey(stills[0]!.part, stills[0]!.path);
          const video = entryKey(videos[0]!.part, videos[0]!.path);
          livePairs.set(video, still);
          // The video half without its own row shares the still's details (and albums).
          const videoPlan = planned.get(video)!;
          if (!videoPlan.metadata) {
            planned.set(video, { ...planned.get(still)!, albums: videoPlan.albums });
            const at = unmatched.indexOf(video);
            if (at >= 0 && planned.get(still)!.metadata) unmatched.splice(at, 1);
          }
        }
        return { media: planned, albums: new Map([...albums].map(([key, a]) => [key, a.meta])), editedFrom: new Map(), livePairs, unmatched };
      },
    };
  },
};
