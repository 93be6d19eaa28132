import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appendEntry, listJournalFiles, readJournal, startSegment, writeSnapshot } from "./journal-files";
import type { JournalOp } from "./journal-entry";

const dirs: string[] = [];
function journalDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-journal-"));
  dirs.push(dir);
  return path.join(dir, "journal");
}
afterEach(() => {
  vi.restoreAllMocks();
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

const fav = (sha: string): JournalOp => ({ op: "asset.update", sha256s: [sha], favorite: true });

describe("journal files", () => {
  it("appends one JSON line per entry with a seq that grows by one, fsynced before returning", () => {
    const dir = journalDir();
    const fsync = vi.spyOn(fs, "fsyncSync");
    expect(appendEntry(dir, fav("a"), 0)).toEqual({ seq: 1, previous: 0 });
    expect(fsync).toHaveBeenCalled();
    expect(appendEntry(dir, fav("b"), 0)).toEqual({ seq: 2, previous: 1 });
    // The database already holds seq 7 (a journal that lost its tail): the next seq is above it.
    expect(appendEntry(dir, fav("c"), 7)).toEqual({ seq: 8, previous: 2 });
    const { segments } = listJournalFiles(dir);
    expect(segments).toHaveLength(1);
    const lines = fs.readFileSync(segments[0]!.file, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.seq, l.op, l.sha256s[0]])).toEqual([[1, "asset.update", "a"], [2, "asset.update", "b"], [8, "asset.update", "c"]]);
    expect(readJournal(dir).tailSeq).toBe(8);
  });

  it("ignores a torn last line after a crash, and the next append cuts it off", () => {
    const dir = journalDir();
    appendEntry(dir, fav("a"), 0);
    appendEntry(dir, fav("b"), 0);
    const file = listJournalFiles(dir).segments[0]!.file;
    fs.appendFileSync(file, '{"seq":3,"at":"2026-01-01T00:00:00.000Z","op":"asset.upd');
    const torn = readJournal(dir);
    expect(torn.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(torn.tailSeq).toBe(2);
    // Another process appends next (no cached state): it finds the torn tail and starts after it.
    expect(appendEntry(`${dir}/../journal`, fav("c"), 0)).toEqual({ seq: 3, previous: 2 });
    expect(fs.readFileSync(file, "utf8").endsWith("\n")).toBe(true);
    expect(readJournal(dir).entries.map((e) => [e.seq, (e as { sha256s: string[] }).sha256s[0]])).toEqual([[1, "a"], [2, "b"], [3, "c"]]);
  });

  it("reads the newest snapshot and only the entries after it, whatever step a compaction stopped at", () => {
    const dir = journalDir();
    for (const sha of ["a", "b", "c"]) appendEntry(dir, fav(sha), 0);
    // Compaction wrote the snapshot at 3 but died before starting the next segment and removing the old one.
    writeSnapshot(dir, 3, [{ ...fav("snap"), at: "2026-01-01T00:00:00.000Z" }]);
    expect(readJournal(dir)).toMatchObject({ snapshotSeq: 3, entries: [], tailSeq: 3 });
    expect(readJournal(dir).snapshot.map((op) => (op as { sha256s: string[] }).sha256s[0])).toEqual(["snap"]);
    // An append now still goes to the old segment, after the snapshot: it is read.
    expect(appendEntry(dir, fav("d"), 3).seq).toBe(4);
    startSegment(dir, 5);
    expect(appendEntry(dir, fav("e"), 4).seq).toBe(5);
    expect(readJournal(dir).entries.map((e) => e.seq)).toEqual([4, 5]);
  });

  it("skips a garbled line in the middle and keeps its neighbours", () => {
    const dir = journalDir();
    appendEntry(dir, fav("a"), 0);
    const file = listJournalFiles(dir).segments[0]!.file;
    fs.appendFileSync(file, "\u0000\u0000garbage\n");
    appendEntry(dir, fav("b"), 0);
    expect(readJournal(dir).entries.map((e) => e.seq)).toEqual([1, 2]);
  });
});
