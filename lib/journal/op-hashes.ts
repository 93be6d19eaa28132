import type { JournalOp } from "./journal-entry";

/** The content hashes of the photos an op is about (none for Files, libraries, album deletion). */
export function opHashes(op: JournalOp): string[] {
  switch (op.op) {
    case "asset.ingest":
    case "asset.takeout":
    case "asset.folder":
    case "asset.edit":
      return [op.sha256];
    case "asset.edited-from":
      return [op.sha256, op.fromSha256];
    case "asset.live-pair":
      return [op.sha256, op.videoSha256];
    case "asset.update":
    case "asset.purge":
    case "album.create":
    case "album.add":
    case "album.remove":
    case "duplicates.dismiss":
      return op.sha256s;
    case "album.update":
      return op.coverSha256 ? [op.coverSha256] : [];
    case "person.update":
    case "person.merge":
      return op.faces.map((f) => f.sha256);
    case "face.move":
      return [op.face.sha256];
    default:
      return [];
  }
}
