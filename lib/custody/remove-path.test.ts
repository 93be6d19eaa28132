import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { custodyPaths } from "./custody-paths";
import { removePath } from "./remove-path";
import { originalOf, testDataDir } from "./test-data-dir";

const dir = testDataDir();
afterAll(() => dir.cleanup());

describe("removePath (the one guarded delete)", () => {
  it("never deletes an original, the originals folder or the quarantine, whatever the kind", async () => {
    const original = dir.plant(originalOf(dir.paths));
    const quarantined = dir.plant(path.join(custodyPaths(dir.paths).quarantine, "x.jpg"));
    for (const kind of ["temp", "derived", "graveyard"] as const) {
      for (const target of [original, path.dirname(original), dir.paths.originals, quarantined, `${dir.paths.originals}/../originals/ab`]) {
        await expect(removePath(dir.paths, kind, target)).rejects.toThrow(/custody: refusing/);
      }
    }
    // Even a `.partial` name inside originals/ is refused.
    await expect(removePath(dir.paths, "temp", dir.plant(`${original}.partial`))).rejects.toThrow(/originals are never deleted/);
    expect(fs.existsSync(original) && fs.existsSync(quarantined)).toBe(true);
  });

  it("refuses paths outside the data dir and outside the kind's area", async () => {
    await expect(removePath(dir.paths, "temp", "/etc/passwd")).rejects.toThrow(/not inside the data dir/);
    await expect(removePath(dir.paths, "temp", dir.paths.database)).rejects.toThrow(/not a temp area/);
    await expect(removePath(dir.paths, "derived", dir.plant(path.join(dir.paths.tmp, "t")))).rejects.toThrow(/not a derived area/);
    await expect(removePath(dir.paths, "graveyard", path.join(dir.paths.derived, "ab"))).rejects.toThrow(/not a graveyard area/);
    await expect(removePath(dir.paths, "temp", dir.paths.tmp)).rejects.toThrow(/not a temp area/); // the folder itself
  });

  it("deletes temp files, derived folders and graveyard entries", async () => {
    const targets = {
      temp: dir.plant(path.join(dir.paths.tmp, "upload-1")),
      derived: path.dirname(dir.plant(path.join(dir.paths.derived, "ab", "ab", "ab".repeat(32), "thumb.webp"))),
      graveyard: path.dirname(dir.plant(path.join(custodyPaths(dir.paths).graveyard, "b1", "x.jpg"))),
    };
    const part = dir.plant(path.join(dir.paths.uploads, "u.part"));
    for (const [kind, target] of Object.entries(targets)) {
      await removePath(dir.paths, kind as keyof typeof targets, target);
      expect(fs.existsSync(target), kind).toBe(false);
    }
    await removePath(dir.paths, "temp", part);
    expect(fs.existsSync(part)).toBe(false);
  });
});

// Every delete in the data dir goes through removePath: other modules may not call fs.rm/unlink,
// except where they remove what they created themselves a moment ago, or outside the data dir.
describe("no other module deletes in the data dir", () => {
  const allowed: Record<string, string> = {
    "lib/server/storage.ts": "writeTempFile/writeDerivedFile drop the temp file they created in this call",
    "lib/assets/ingest-upload.ts": "drops its own temp file before handing it to ingest",
    "lib/ml/models/download-file.ts": "a model download's own .partial file",
    "lib/ml/serve-text-embeddings.ts": "its own stale socket",
    "lib/search/text-index-files.ts": "segment files of the text index the worker rewrites",
    "lib/backup/create-backup.ts": "the backup destination, not the data dir",
    "lib/backup/backup-before-migration.ts": "its own copies in the backup dir (not the data dir), and the failed upgrade's WAL/SHM when the copy is put back",
    "lib/backup/create-restic-backup.ts": "its own staging folder (database copy + manifest) once restic has read it",
    "lib/backup/restore-restic-backup.ts": "its own staging folder inside the empty data dir it restores into",
    "lib/appliance/host-steps.ts": "service:uninstall removing the systemd unit it wrote under /etc, never in a data dir",
    "lib/custody/remove-path.ts": "the guarded delete itself",
    "lib/custody/move-imported-file.ts": "the guarded move out of the import folder (outside the data dir): the old name, once the same inode is verified under imported/",
    "lib/journal/compact-journal.ts": "journal segments folded into the snapshot it has just written and fsynced",
    "lib/journal/rebuild-library.ts": "the rebuild's own -wal/-shm files, after its database is checkpointed and renamed",
  };
  it("finds fs.rm/unlink only in the allowed files", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const offenders: string[] = [];
    const visit = (rel: string) => {
      for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
        const child = path.join(rel, entry.name);
        if (entry.isDirectory() && entry.name !== "generated") visit(child);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.ts$|test-data-dir\.ts$/.test(entry.name)) {
          if (/\.(rm|rmSync|unlink|unlinkSync|rmdir|rmdirSync)\(/.test(fs.readFileSync(path.join(root, child), "utf8")) && !allowed[child]) offenders.push(child);
        }
      }
    };
    for (const top of ["lib", "app", "workers"]) visit(top);
    expect(offenders).toEqual([]);
  });
});
