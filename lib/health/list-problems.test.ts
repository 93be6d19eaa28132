import { describe, expect, it } from "vitest";
import { ITEM_LIMIT, listProblems, type HealthFacts } from "./list-problems";

const NOW = new Date("2026-12-05T12:00:00Z");
const GiB = 2 ** 30;

function healthy(): HealthFacts {
  const none = { count: 0, items: [] };
  return {
    files: { missing: none, corrupt: none, unavailable: none },
    volume: { state: "ok", reason: null, at: NOW.toISOString() },
    quarantine: [],
    backup: { warnings: [] },
    disk: { freeBytes: 500 * GiB, totalBytes: 1000 * GiB },
    worker: { alive: true, lastBeat: NOW.toISOString() },
    egress: { blocked: 0, lastBlocked: null },
    journal: { behind: 0 },
  };
}

const codes = (facts: HealthFacts) => listProblems(facts).map((p) => p.code);

describe("listProblems", () => {
  it("finds nothing on a healthy box", () => {
    expect(listProblems(healthy())).toEqual([]);
  });

  it("reports missing, corrupt and unreadable originals with their items and full count", () => {
    const facts = healthy();
    const items = Array.from({ length: 80 }, (_, i) => ({ id: `a${i}`, name: `IMG_${i}.jpg` }));
    facts.files.missing = { count: 120, items };
    facts.files.corrupt = { count: 1, items: [{ id: "c", name: "bad.jpg" }] };
    facts.files.unavailable = { count: 2, items: [{ id: "u1", name: "x.jpg" }, { id: "u2", name: "y.jpg" }] };
    const problems = listProblems(facts);
    expect(problems.map((p) => p.code)).toEqual(["originals_missing", "originals_corrupt", "originals_unavailable"]);
    expect(problems[0]).toMatchObject({ severity: "error", count: 120, title: "120 originals missing from disk" });
    expect(problems[0]!.items).toHaveLength(ITEM_LIMIT);
    expect(problems[1]!.title).toBe("1 original failed the checksum check");
  });

  it("puts errors before warnings", () => {
    const facts = healthy();
    facts.quarantine = [{ name: "abc.jpg", reason: "unknown type", at: "2026-12-05T10:00:00Z" }];
    facts.worker = { alive: false, lastBeat: null };
    expect(codes(facts)).toEqual(["worker_down", "quarantined"]);
  });

  it("turns each backup warning into a problem with its severity and what to do", () => {
    const facts = healthy();
    facts.backup.warnings = [
      { code: "backup_same_disk", message: "Backups are on the same disk as the library (./backups)." },
      { code: "backup_failed", message: "The last backup to sftp:nas:/albums failed: connection refused" },
    ];
    const problems = listProblems(facts);
    expect(problems.map((p) => [p.code, p.severity])).toEqual([["backup_failed", "error"], ["backup_same_disk", "warning"]]);
    expect(problems[0]!.detail).toBe("The last backup to sftp:nas:/albums failed: connection refused");
    expect(problems[1]!.action).toContain("ALBUMS_BACKUP_REPOSITORY");
  });

  it("grades a nearly full disk by share and by absolute free space", () => {
    const facts = healthy();
    facts.disk = { freeBytes: 80 * GiB, totalBytes: 1000 * GiB };
    expect(listProblems(facts)[0]).toMatchObject({ code: "disk_nearly_full", severity: "warning" });
    facts.disk = { freeBytes: 15 * GiB, totalBytes: 1000 * GiB };
    expect(listProblems(facts)[0]).toMatchObject({ code: "disk_nearly_full", severity: "error" });
    facts.disk = { freeBytes: 3 * GiB, totalBytes: 20 * GiB };
    expect(listProblems(facts)[0]).toMatchObject({ code: "disk_nearly_full", severity: "warning" });
  });

  it("reports an unreadable volume, blocked egress and a journal that is behind", () => {
    const facts = healthy();
    facts.volume = { state: "unavailable", reason: "EIO: i/o error, scandir", at: NOW.toISOString() };
    facts.egress = { blocked: 3, lastBlocked: "2026-12-05T11:00:00Z" };
    facts.journal = { behind: 2 };
    const problems = listProblems(facts);
    expect(problems.map((p) => p.code)).toEqual(["volume_unavailable", "journal_behind", "egress_blocked"]);
    expect(problems[0]!.detail).toContain("EIO");
    expect(problems[1]!.detail).toMatch(/^2 journal entries are not in the database yet/);
  });
});
