import type { AssetEditChange } from "@/lib/assets/apply-asset-edit";
import type { TakeoutSidecar } from "@/lib/takeout/parse-sidecar";

/** A face named by the photo it is on (content hash) and its box relative to the upright image (0..1). */
export type FaceRef = { sha256: string; box: { x: number; y: number; width: number; height: number } };

/**
 * Every decision the originals do not carry, by kind. Assets are referenced by SHA-256 (ids change
 * in a rebuild); albums and people keep their ids. Each op is idempotent when applied again.
 */
export type JournalOp =
  /** An original arrived under a name (first ingest or a duplicate); capture time only when the bytes cannot tell it again. */
  | { op: "asset.ingest"; sha256: string; name: string; source: string; capturedAt?: string; capturedAtSource?: string; timeZone?: string | null }
  | { op: "asset.update"; sha256s: string[]; favorite?: boolean; archived?: boolean; trashed?: boolean; description?: string | null }
  /** The owner's purge of trashed assets (only those still trashed when it applies). */
  | { op: "asset.purge"; sha256s: string[] }
  | { op: "asset.takeout"; sha256: string; sidecar: JsonSidecar; intoTrash: boolean; namePlaces: boolean }
  | { op: "asset.folder"; sha256: string; folder: string }
  | { op: "asset.edited-from"; sha256: string; fromSha256: string }
  /** The owner's turn, capture time or position of a photo (null: back to the original's value). */
  | ({ op: "asset.edit"; sha256: string } & AssetEditChange)
  | { op: "asset.live-pair"; sha256: string; videoSha256: string }
  | { op: "album.create"; id: string; title: string; description: string | null; source?: string; sourceKey?: string | null; date?: string | null; sha256s: string[] }
  | { op: "album.update"; id: string; title?: string; description?: string | null; coverSha256?: string | null; sort?: string }
  | { op: "album.delete"; id: string }
  | { op: "album.add"; id: string; sha256s: string[] }
  | { op: "album.remove"; id: string; sha256s: string[] }
  /** Names/hides a person; `faces` are the person's faces then, so a re-detected cluster finds its name again. */
  | { op: "person.update"; id: string; name?: string | null; hidden?: boolean; faces: FaceRef[] }
  | { op: "person.merge"; from: string; into: string; faces: FaceRef[] }
  | { op: "face.move"; face: FaceRef; personId: string }
  /** The owner said these photos are not duplicates of each other (every pair among them). */
  | { op: "duplicates.dismiss"; sha256s: string[] }
  /** A folder of the Files tree as it now stands (created, renamed, moved, trashed or restored). */
  | { op: "files.folder"; id: string; parentId: string | null; name: string; trashed: boolean }
  /** A file entry of the Files tree as it now stands: its place, name and content. */
  | { op: "files.entry"; id: string; folderId: string | null; name: string; sha256: string; trashed: boolean }
  /** The kept previous contents of a file entry, newest first, with when each was replaced. */
  | { op: "files.versions"; entryId: string; versions: { sha256: string; at: string }[] }
  /** An external library added (settings, CLI or ALBUMS_LIBRARIES): a rebuild knows its folders again and scans them. */
  | { op: "library.add"; id: string; root: string; origin: string }
  | { op: "library.remove"; id: string }
  /** The trash purge of Files folders (with everything under them) and entries (only those still trashed when it applies). */
  | { op: "files.purge"; folderIds: string[]; entryIds: string[] };

/** A Takeout sidecar as JSON (dates as ISO strings). */
export type JsonSidecar = Omit<TakeoutSidecar, "takenAt" | "uploadedAt" | "title">;

/** One line of the journal: a sequence number (grows by one per entry), when, and the op. */
export type JournalEntry = JournalOp & { seq: number; at: string };

/** The library's seq (Setting row): the last journal entry the database is known to contain. */
export const JOURNAL_SEQ_KEY = "journal.seq";

/** The source of an original adopted from disk (no upload told its name). */
export const RECOVERED_SOURCE = "recovered";
