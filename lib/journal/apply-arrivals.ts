import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { DbTx } from "@/lib/server/db";
import { withoutJournal } from "./append-journal";
import { applyJournalEntry } from "./apply-journal-entry";
import { pinFaces } from "./face-refs";
import type { FaceRef, JournalEntry, JournalOp } from "./journal-entry";
import { journalTailSeq, readJournal } from "./journal-files";
import { opHashes } from "./op-hashes";

type Indexed = { dir: string; tail: number; entries: { entry: JournalEntry; hashes: string[] }[] };
// The first scan after a rebuild asks once per batch: the journal is read again only when it grew.
let cache: Indexed | null = null;

/**
 * A library scan has just (in `tx`) created assets for these hashes: those a rebuild left waiting
 * (PendingArrival: the journal has decisions about them, `originals/` did not hold them) get their
 * decisions now — every journal entry about them, in order, limited to them: favourite, archive,
 * trash, description, names, edits, album membership, faces' people (as hints for the faces
 * job), purge. What the replay already settled is not applied again (an album's title, a person's
 * name, a later cover), and albums or people deleted since stay deleted. Returns how many arrived.
 */
export async function applyArrivals(tx: DbTx, journalDir: string, sha256s: string[]): Promise<number> {
  if (sha256s.length === 0) return 0;
  const rows = await tx.$queryRaw<{ sha256: string }[]>`SELECT p."sha256" FROM "PendingArrival" p JOIN "Asset" a ON a."sha256" = p."sha256" WHERE p."sha256" IN (SELECT value FROM json_each(${JSON.stringify(sha256s)}))`;
  if (rows.length === 0) return 0;
  const arrived = new Set(rows.map((r) => r.sha256));
  await withoutJournal(async () => {
    for (const { entry } of indexed(journalDir).entries.filter((e) => e.hashes.some((h) => arrived.has(h)))) await applyArrival(tx, entry, new Date(entry.at), arrived);
  });
  await tx.pendingArrival.deleteMany({ where: { sha256: { in: [...arrived] } } });
  return arrived.size;
}

function indexed(dir: string): Indexed {
  const tail = journalTailSeq(dir);
  if (cache?.dir === dir && cache.tail === tail) return cache;
  const journal = readJournal(dir);
  cache = { dir, tail, entries: [...journal.snapshot, ...journal.entries].map((entry) => ({ entry, hashes: opHashes(entry) })) };
  return cache;
}

/** One entry, restricted to the photos that arrived. */
async function applyArrival(tx: DbTx, op: JournalOp, at: Date, arrived: Set<string>): Promise<void> {
  const only = (sha256s: string[]) => sha256s.filter((sha) => arrived.has(sha));
  const faces = (refs: FaceRef[]) => refs.filter((ref) => arrived.has(ref.sha256));
  const personExists = async (id: string) => (await tx.person.count({ where: { id } })) > 0;
  switch (op.op) {
    case "album.create": // the album itself was settled by the replay (and may be gone since)
      return applyJournalEntry(tx, { op: "album.add", id: op.id, sha256s: only(op.sha256s) }, at);
    case "album.update": {
      const cover = await tx.asset.findUnique({ where: { sha256: op.coverSha256 ?? "" }, select: { id: true } });
      // Only where no later decision gave the album another cover.
      if (cover && arrived.has(op.coverSha256!)) await tx.album.updateMany({ where: { id: op.id, coverAssetId: null }, data: { coverAssetId: cover.id } });
      return;
    }
    case "person.update":
      if (await personExists(op.id)) await pinFaces(tx, faces(op.faces), op.id);
      return;
    case "person.merge":
      if (await personExists(op.into)) await pinFaces(tx, faces(op.faces), op.into);
      return;
    case "face.move":
      if (arrived.has(op.face.sha256) && (await personExists(op.personId))) await pinFaces(tx, [op.face], op.personId);
      return;
    case "asset.purge": {
      // The owner purged these bytes: found again in a library, they stay out of the gallery.
      const ids = (await tx.asset.findMany({ where: { sha256: { in: only(op.sha256s) } }, select: { id: true } })).map((a) => a.id);
      await tx.asset.deleteMany({ where: { id: { in: ids } } });
      return markSearchStale(tx, ids);
    }
    case "asset.update":
    case "album.add":
    case "album.remove":
      return applyJournalEntry(tx, { ...op, sha256s: only(op.sha256s) }, at);
    default: // about one photo (or a pair): applied as the replay would
      return applyJournalEntry(tx, op, at);
  }
}
