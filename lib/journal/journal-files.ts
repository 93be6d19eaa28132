import fs from "node:fs";
import path from "node:path";
import type { JournalEntry, JournalOp } from "./journal-entry";

// The journal's files: `segment-<first seq>.jsonl` (appended, one entry a line, fsynced per entry)
// and `snapshot-<seq>.jsonl` (the decisions up to seq, written whole by compaction, then renamed).
// Reading takes the newest snapshot and every segment entry after it, so a compaction interrupted
// at any point loses nothing. Callers serialise appends (they hold the database's write lock).

const SEGMENT = /^segment-(\d{16})\.jsonl$/;
const SNAPSHOT = /^snapshot-(\d{16})\.jsonl$/;

export type JournalContents = {
  /** Seq of the newest snapshot (null = none). */
  snapshotSeq: number | null;
  /** The snapshot's ops (the state of every decision at snapshotSeq, each with its own date). */
  snapshot: JournalEntry[];
  /** Entries after the snapshot, by seq. */
  entries: JournalEntry[];
  /** The last seq written (snapshot or entry). */
  tailSeq: number;
};

/** An op with the date of the decision it stands for. */
export type DatedOp = JournalOp & { at: string };

const pad = (seq: number) => String(seq).padStart(16, "0");

/** The journal dir of the library whose database is `databaseFile` (`journal/` beside it). */
export function journalDirOf(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), "journal");
}

/** Segment and snapshot files of a journal dir, oldest first. */
export function listJournalFiles(dir: string): { segments: { file: string; start: number }[]; snapshots: { file: string; seq: number }[] } {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  return {
    segments: names.flatMap((n) => (SEGMENT.test(n) ? [{ file: path.join(dir, n), start: Number(SEGMENT.exec(n)![1]) }] : [])),
    snapshots: names.flatMap((n) => (SNAPSHOT.test(n) ? [{ file: path.join(dir, n), seq: Number(SNAPSHOT.exec(n)![1]) }] : [])),
  };
}

let cache: { file: string; ino: number; size: number; lastSeq: number } | null = null;

/**
 * Appends one entry with the next seq (after `atLeast`, the seq the database already has) to the
 * newest segment and fsyncs it before returning. A torn last line (a crash mid-write, never
 * acknowledged) is cut off first. Returns the new seq and the one before it.
 */
export function appendEntry(dir: string, op: JournalOp, atLeast: number, now = new Date()): { seq: number; previous: number } {
  const active = activeSegment(dir);
  const fd = fs.openSync(active.file, "a+", 0o600);
  try {
    const stat = fs.fstatSync(fd);
    let previous: number;
    if (cache && cache.file === active.file && cache.ino === stat.ino && cache.size === stat.size) previous = cache.lastSeq;
    else {
      const tail = readTail(fd, stat.size);
      if (tail.end !== stat.size) fs.ftruncateSync(fd, tail.end);
      previous = tail.lastSeq ?? active.start - 1;
    }
    const seq = Math.max(previous, atLeast) + 1;
    const line = Buffer.from(`${JSON.stringify({ seq, at: now.toISOString(), ...op })}\n`);
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, line);
    fs.fsyncSync(fd);
    cache = { file: active.file, ino: stat.ino, size: size + line.length, lastSeq: seq };
    return { seq, previous };
  } finally {
    fs.closeSync(fd);
  }
}

/** The segment new entries go to; creates the dir and a first segment (dir fsynced) when there is none. */
function activeSegment(dir: string): { file: string; start: number } {
  const { segments, snapshots } = listJournalFiles(dir);
  const last = segments.at(-1);
  if (last) return last;
  return startSegment(dir, (snapshots.at(-1)?.seq ?? 0) + 1);
}

/** Creates an empty segment starting at `start` (durably: file and dir fsynced). */
export function startSegment(dir: string, start: number): { file: string; start: number } {
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    syncDir(path.dirname(dir));
  }
  const file = path.join(dir, `segment-${pad(start)}.jsonl`);
  fs.closeSync(fs.openSync(file, "a", 0o600));
  syncDir(dir);
  return { file, start };
}

/** Writes a snapshot atomically (temp file, fsync, rename, dir fsync). */
export function writeSnapshot(dir: string, seq: number, ops: DatedOp[]): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `snapshot-${pad(seq)}.jsonl`);
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, "w", 0o600);
  try {
    for (let i = 0; i < ops.length; i += 1000) fs.writeSync(fd, ops.slice(i, i + 1000).map((op) => `${JSON.stringify({ seq, ...op })}\n`).join(""));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  syncDir(dir);
}

/** Everything the journal holds: the newest snapshot and the entries after it (torn or garbled lines skipped). */
export function readJournal(dir: string): JournalContents {
  const { segments, snapshots } = listJournalFiles(dir);
  const snap = snapshots.at(-1);
  const snapshotSeq = snap?.seq ?? null;
  const snapshot = snap ? parseLines(fs.readFileSync(snap.file)) : [];
  const entries: JournalEntry[] = [];
  for (const segment of segments) for (const entry of parseLines(fs.readFileSync(segment.file))) if (entry.seq > (snapshotSeq ?? 0)) entries.push(entry);
  entries.sort((a, b) => a.seq - b.seq);
  return { snapshotSeq, snapshot, entries, tailSeq: Math.max(snapshotSeq ?? 0, entries.at(-1)?.seq ?? 0, (segments.at(-1)?.start ?? 1) - 1) };
}

/** The seq of the journal's last complete entry (0 for an empty journal), reading only the newest segment's tail. */
export function journalTailSeq(dir: string): number {
  const { segments, snapshots } = listJournalFiles(dir);
  const floor = Math.max(snapshots.at(-1)?.seq ?? 0, (segments.at(-1)?.start ?? 1) - 1);
  const last = segments.at(-1);
  if (!last) return floor;
  const fd = fs.openSync(last.file, "r");
  try {
    return Math.max(floor, readTail(fd, fs.fstatSync(fd).size).lastSeq ?? 0);
  } finally {
    fs.closeSync(fd);
  }
}

/** Bytes of every segment (the compaction trigger). */
export function segmentBytes(dir: string): number {
  return listJournalFiles(dir).segments.reduce((sum, s) => sum + fs.statSync(s.file).size, 0);
}

function parseLines(buffer: Buffer): JournalEntry[] {
  const text = buffer.toString("utf8");
  const complete = text.slice(0, text.lastIndexOf("\n") + 1);
  const out: JournalEntry[] = [];
  for (const line of complete.split("\n")) {
    if (!line) continue;
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if (Number.isInteger(entry.seq) && typeof entry.op === "string") out.push(entry);
    } catch {
      // a garbled line (disk damage) is skipped; its neighbours still count
    }
  }
  return out;
}

/** Where the last complete line ends, and its seq (reading backwards in growing windows). */
function readTail(fd: number, size: number): { end: number; lastSeq: number | null } {
  let window = 64 * 1024;
  for (;;) {
    const start = Math.max(0, size - window);
    const buffer = Buffer.alloc(size - start);
    fs.readSync(fd, buffer, 0, buffer.length, start);
    const lastNewline = buffer.lastIndexOf(0x0a);
    if (lastNewline < 0 && start > 0) {
      window *= 4;
      continue;
    }
    const end = lastNewline < 0 ? 0 : start + lastNewline + 1;
    const lines = parseLines(buffer.subarray(0, lastNewline + 1));
    if (lines.length > 0 || start === 0) return { end, lastSeq: lines.at(-1)?.seq ?? null };
    window *= 4;
  }
}

/** fsyncs a directory (a new or renamed entry in it survives a power cut). */
export function syncDir(dir: string): void {
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
