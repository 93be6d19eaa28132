// RELIABILITY scenario 17: hostile Takeout archives — zip bombs (ratio, nested, declared vs
// actual size), too many entries, too many bytes, `../` and absolute names, symlink entries (zip
// and tgz) — each aborts cleanly with its reason, adds nothing to the library and leaves nothing
// outside the temp area (which is left empty).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../support/shared";
import { sidecar } from "../support/takeout-builder";
import { createTestLibrary, listOriginals, type TestLibrary } from "../support/test-library";
import { writeTgz, writeZip, type ZipItem } from "../support/zip-writer";

const P = "Takeout/Google Photos/Photos from 2020";
let lib: TestLibrary;
let importTakeout: typeof import("@/lib/takeout/import-takeout").importTakeout;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-hostile-"));
const good = (): ZipItem[] => [
  { name: `${P}/a.jpg`, data: fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "Canon_40D.jpg")) },
  { name: `${P}/a.jpg.json`, data: sidecar({ title: "a.jpg", takenAt: "2020-01-01T00:00:00Z" }) },
];

beforeAll(async () => {
  lib = await createTestLibrary();
  ({ importTakeout } = await import("@/lib/takeout/import-takeout"));
});
afterAll(async () => {
  await lib?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function expectAbort(name: string, archive: Buffer, reason: RegExp, limits = {}) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, archive);
  const outside = fs.readdirSync(dir).sort();
  await expect(importTakeout(lib, [file], { limits })).rejects.toThrow(reason);
  expect(await lib.db.asset.count()).toBe(0);
  expect(listOriginals(lib.paths)).toEqual([]);
  expect(fs.readdirSync(lib.paths.tmp)).toEqual([]);
  expect(fs.readdirSync(dir).sort()).toEqual(outside); // nothing written next to the archive either
  const run = await lib.db.importRun.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  expect(run.status).toBe("aborted");
  expect(run.error).toMatch(reason);
  expect(await lib.db.importEntry.count({ where: { runId: run.id } })).toBe(0);
}

describe("hostile Takeout archives", () => {
  it("refuses a compression-ratio bomb", async () => {
    await expectAbort("ratio.zip", writeZip([...good(), { name: `${P}/bomb.jpg`, data: Buffer.alloc(50 * 1024 * 1024), deflate: true }]), /expands \d+× \(a zip bomb\)/);
  });

  it("refuses an archive nested in the Photos area (nested bomb), never expanding it", async () => {
    const inner = writeZip([{ name: "big.bin", data: Buffer.alloc(1024 * 1024), deflate: true }]);
    await expectAbort("nested.zip", writeZip([...good(), { name: `${P}/inner.zip`, data: writeZip([{ name: "x.zip", data: inner }]) }]), /archive nested in the Photos area/);
  });

  it("refuses an entry larger than its declared size (found while streaming it)", async () => {
    // Sizes can only be checked against the bytes while importing; the liar comes first here, so
    // nothing precedes it. (Genuine files before a liar in archive order stay imported.)
    const photo = fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "Nikon_D70.jpg"));
    await expectAbort("liar.zip", writeZip([{ name: `${P}/liar.jpg`, data: photo, deflate: true, declaredSize: 1000 }, ...good()]), /larger than its declared size|too many bytes/);
  });

  it("refuses too many entries and too many bytes", async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `${P}/f${i}.jpg.json`, data: Buffer.from("{}") }));
    await expectAbort("many.zip", writeZip(many), /more than 20 entries/, { maxEntries: 20 });
    await expectAbort("bytes.zip", writeZip(good()), /bytes uncompressed in all/, { maxTotalBytes: 1000 });
  });

  it.each([
    ["parent.zip", `Takeout/../../../etc/cron.d/evil.jpg`, /climbs out with \.\./],
    ["absolute.zip", `/etc/cron.d/evil.jpg`, /absolute path/],
    ["backslash.zip", `Takeout\\..\\evil.jpg`, /backslash/],
  ])("refuses unsafe entry names (%s)", async (name, entry, reason) => {
    await expectAbort(name, writeZip([...good(), { name: entry, data: Buffer.from("x") }]), reason);
  });

  it("refuses symlink entries in zips and tgzs", async () => {
    await expectAbort("link.zip", writeZip([...good(), { name: `${P}/link.jpg`, data: Buffer.from("/etc/passwd"), symlink: true }]), /symbolic link/);
    const tgz = await writeTgz([...good().map((g) => ({ name: g.name, data: g.data })), { name: `${P}/link.jpg`, symlinkTo: "/etc/passwd" }]);
    await expectAbort("link.tgz", tgz, /symbolic link/);
  });

  it("still imports the same content when it is not hostile", async () => {
    const file = path.join(dir, "fine.zip");
    fs.writeFileSync(file, writeZip(good()));
    const { report } = await importTakeout(lib, [file]);
    expect(report.totals).toMatchObject({ imported: 1, failed: 0 });
    expect(report.accounted).toBe(true);
  });
});
