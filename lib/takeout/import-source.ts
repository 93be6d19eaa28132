import type { Catalogue, CatalogueEntry, CatalogueReader } from "./catalogue-parts";
import type { TakeoutAlbumMeta, TakeoutSidecar } from "./parse-sidecar";

/** What an export says about one of its media files, whatever the export's own format. */
export type PlannedMedia = {
  /** its metadata in the common shape (Takeout's JSON fields; iCloud's CSV columns mapped onto them) */
  metadata?: TakeoutSidecar;
  /** where that metadata came from (part + path of the JSON or CSV), for the report */
  metadataFrom?: string;
  /** keys of the albums it belongs to (see ImportPlan.albums) */
  albums: string[];
};

/** Everything an import needs once the catalogue is read: per media entry, albums, links. */
export type ImportPlan = {
  media: Map<string, PlannedMedia>;
  /** album key (stable across exports of one account) → its metadata */
  albums: Map<string, TakeoutAlbumMeta>;
  /** edited copy's entry key → its original's entry key */
  editedFrom: Map<string, string>;
  /** a Live Photo's video entry key → its still's entry key */
  livePairs: Map<string, string>;
  /** media entry keys no metadata was found for (reported, still imported) */
  unmatched: string[];
};

/**
 * One kind of export (Google Takeout, Apple's iCloud Photos copy): how to read its catalogue, and
 * how to turn the catalogue into an import plan. The streaming, resuming, ingest, albums, report
 * and verdict are the same for every source (run-import.ts).
 */
export type ImportSource = {
  /** `takeout` | `icloud`: asset source, album source and the prefix of album keys */
  name: "takeout" | "icloud";
  /** A fresh reader per run (it collects the export's metadata while the catalogue is read). */
  reader: () => CatalogueReader & { plan: (catalogue: Catalogue) => ImportPlan };
  /** Why an entry that is not imported was left (sidecars, album files, other products…). */
  reasonFor: (entry: CatalogueEntry) => string;
  /** The reason a media file in the export's trash / Recently Deleted is left out. */
  trashedReason: string;
};
